package org.dealreg.partners.internal;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * The Certified-partner logo a Certified partner puts on its marketing: an SVG naming the company and its
 * specialisations. Every name is escaped for XML, since a company's name is text its people typed.
 */
final class CertifiedLogo {

    private static final int LINE = 22;

    private CertifiedLogo() {
    }

    static String svg(String partnerName, String certifiedLabel, List<String> specializations) {
        int height = 130 + LINE * specializations.size();
        StringBuilder svg = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"420\" height=\"").append(height)
                .append("\" viewBox=\"0 0 420 ").append(height).append("\" role=\"img\" aria-label=\"")
                .append(xml(certifiedLabel + " — " + partnerName)).append("\">\n")
                .append("  <rect x=\"2\" y=\"2\" width=\"416\" height=\"").append(height - 4)
                .append("\" rx=\"14\" fill=\"#0b3d91\" stroke=\"#f2b705\" stroke-width=\"4\"/>\n")
                .append("  <text x=\"210\" y=\"46\" text-anchor=\"middle\" font-family=\"Helvetica, Arial, sans-serif\" ")
                .append("font-size=\"26\" font-weight=\"bold\" fill=\"#f2b705\">").append(xml(certifiedLabel)).append("</text>\n")
                .append("  <text x=\"210\" y=\"84\" text-anchor=\"middle\" font-family=\"Helvetica, Arial, sans-serif\" ")
                .append("font-size=\"20\" fill=\"#ffffff\">").append(xml(partnerName)).append("</text>\n");
        int y = 118;
        for (String specialization : specializations) {
            svg.append("  <text x=\"210\" y=\"").append(y).append("\" text-anchor=\"middle\" ")
                    .append("font-family=\"Helvetica, Arial, sans-serif\" font-size=\"16\" fill=\"#dbe6ff\">")
                    .append(xml(specialization)).append("</text>\n");
            y += LINE;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String xml(String text) {
        return HtmlUtils.htmlEscapeDecimal(text);
    }
}
