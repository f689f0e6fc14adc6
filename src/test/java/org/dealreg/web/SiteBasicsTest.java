package org.dealreg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.dealreg.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What outside audit tools look for (issue 18 §10): an icon, robots.txt, a description, compressed answers. */
@IntegrationTest
class SiteBasicsTest {

    @LocalServerPort int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theIconAndRobotsTxtAreServedToAnyoneWithoutASession() throws Exception {
        HttpResponse<byte[]> icon = get("/favicon.ico", null);
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).startsWith(0, 0, 1, 0);
        assertThat(icon.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<byte[]> robots = get("/robots.txt", null);
        assertThat(robots.statusCode()).as("not a redirect to the sign-in page").isEqualTo(200);
        assertThat(new String(robots.body())).contains("Disallow: /");
        assertThat(robots.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aPageHasADescriptionAndComesCompressedToABrowserThatAcceptsIt() throws Exception {
        HttpResponse<byte[]> plain = get("/apply", null);
        assertThat(new String(plain.body())).contains("<meta name=\"description\" content=\"dealreg: the partner")
                .contains("<link rel=\"icon\" href=\"/favicon.ico\">");
        HttpResponse<byte[]> gzipped = get("/apply", "gzip");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.body().length).as("compressed").isLessThan(plain.body().length / 2);
    }

    private HttpResponse<byte[]> get(String path, String encoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (encoding != null) {
            request.header("Accept-Encoding", encoding);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
