package org.dealreg.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class CertifiedLogoTest {

    @Test
    void theLogoNamesThePartnerAndItsSpecialisationsAsWellFormedSvg() throws Exception {
        String svg = CertifiedLogo.svg("Fabrikam <Intégration> & Co", "Certified Partner",
                List.of("Infrastructure", "Services managés"));

        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new java.io.StringReader(svg)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getTextContent()).contains("Certified Partner")
                .contains("Fabrikam <Intégration> & Co").contains("Infrastructure").contains("Services managés");
        assertThat(svg).doesNotContain("<Intégration>").doesNotContain("<script");
    }
}
