package org.dealreg.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * The last resort when the portal's error page itself cannot be drawn: the same words from the message bundles,
 * in a plain page with the portal's style sheets, drawn without a template, a session or the database.
 */
@Component
class FallbackPage {

    private final ErrorTexts texts;
    private final LocaleResolver locales;

    FallbackPage(ErrorTexts texts, LocaleResolver locales) {
        this.texts = texts;
        this.locales = locales;
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        Locale locale = locale(request);
        String title = HtmlUtils.htmlEscape(texts.title(status, locale), "UTF-8");
        String text = HtmlUtils.htmlEscape(texts.text(status, request, null, locale), "UTF-8");
        String base = request.getContextPath();
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + base + WebAssets.BOOTSTRAP + "/css/bootstrap.min.css\">"
                + "<link rel=\"stylesheet\" href=\"" + base + "/css/dealreg.css\"></head><body>"
                + "<nav class=\"navbar navbar-dark bg-dark mb-4\"><div class=\"container\">"
                + "<a class=\"navbar-brand\" href=\"" + base + "/\">dealreg</a></div></nav>"
                + "<main class=\"container pb-5\"><h1 class=\"h3\" id=\"error-title\">" + title + "</h1><p>" + text
                + "</p></main></body></html>\n");
        response.flushBuffer();
    }

    private Locale locale(HttpServletRequest request) {
        try {
            return WebConfiguration.supported(locales.resolveLocale(request));
        } catch (RuntimeException unreadable) {
            return Locale.ENGLISH;
        }
    }
}
