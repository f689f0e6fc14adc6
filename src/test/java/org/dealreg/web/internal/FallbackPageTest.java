package org.dealreg.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** The last-resort page: the bundles' words in the reader's language, escaped, with the status it was given. */
class FallbackPageTest {

    private final FallbackPage page = new FallbackPage(new ErrorTexts(messages(), DataSize.ofMegabytes(1),
            DataSize.ofMegabytes(2)), new WebConfiguration().localeResolver());

    @Test
    void isThePortalsWordsInTheReadersLanguage() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/deals");
        request.addPreferredLocale(Locale.FRENCH);
        MockHttpServletResponse response = new MockHttpServletResponse();

        page.write(request, response, 503);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("<html lang=\"fr\"")
                .contains("<h1 class=\"h3\" id=\"error-title\">Momentanément indisponible</h1>")
                .contains("/css/dealreg.css");
    }

    @Test
    void namesTheFormLimitForAFormThatWasTooLarge() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setContentType("application/x-www-form-urlencoded");
        MockHttpServletResponse response = new MockHttpServletResponse();

        page.write(request, response, 413);

        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("a form may hold at most 2 MB");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
