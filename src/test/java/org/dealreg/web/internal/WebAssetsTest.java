package org.dealreg.web.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class WebAssetsTest {

    @Test
    void everyWebjarPathTheLayoutLinksIsInTheJarsThePomBrings() throws Exception {
        String layout = new ClassPathResource("templates/fragments/layout.html").getContentAsString(UTF_8);
        Matcher links = Pattern.compile("@\\{(/webjars/[^}]+)}").matcher(layout);
        int found = 0;
        while (links.find()) {
            found++;
            assertThat(new ClassPathResource("META-INF/resources" + links.group(1)).exists()).as(links.group(1)).isTrue();
        }
        assertThat(found).isEqualTo(2);
    }

    @Test
    void theBootstrapPathOfTheLastResortPageIsInTheWebjarThePomBrings() {
        for (String file : new String[] {"/css/bootstrap.min.css", "/js/bootstrap.bundle.min.js"}) {
            assertThat(new ClassPathResource("META-INF/resources" + WebAssets.BOOTSTRAP + file).exists())
                    .as(WebAssets.BOOTSTRAP + file).isTrue();
        }
    }
}
