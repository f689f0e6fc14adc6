package org.dealreg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.dealreg.DealregApplication;
import org.jsoup.Jsoup;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Deployed as docker-compose.yml deploys it, behind a proxy that ends TLS and says so with {@code X-Forwarded-Proto:
 * https}: the session cookie is sent only over https, browsers are told to keep to https (HSTS), and the portal's
 * redirects stay on https. The portal starts here with the settings the compose file gives it.
 */
@SpringBootTest(classes = DealregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dealreg.jobs.enabled=false")
@ActiveProfiles("demo")
@DirtiesContext
class BehindTlsProxyTest {

    static final Map<String, String> FROM_THE_TLS_PROXY = Map.of("X-Forwarded-Proto", "https",
            "X-Forwarded-For", "203.0.113.7");

    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void settingsOfTheComposeFile(DynamicPropertyRegistry registry) throws IOException {
        composeSetting("SERVER_FORWARD_HEADERS_STRATEGY")
                .ifPresent(strategy -> registry.add("server.forward-headers-strategy", () -> strategy));
    }

    @Test
    void behindTheTlsProxyTheSessionCookieIsSecureHstsIsSentAndSignInStaysOnHttps() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(url("/login")).GET(), FROM_THE_TLS_PROXY);

        String cookie = setCookie(login, "SESSION");
        assertThat(cookie).as("the session cookie").contains("; Secure").contains("; HttpOnly").contains("SameSite=Lax");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).as("HSTS")
                .hasValueSatisfying(hsts -> assertThat(hsts).matches("max-age=\\d{7,}.*"));

        FormElement form = (FormElement) Jsoup.parse(login.body()).getElementById("login-form");
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        form.formData().forEach(field -> fields.put(field.key(), field.value()));
        fields.put("email", "bob@northwind.example");
        fields.put("password", "demo-password");
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString(formBody(fields))), FROM_THE_TLS_PROXY);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).as("after sign-in")
                .hasValueSatisfying(location -> assertThat(location).startsWith("https://"));
        assertThat(setCookie(signedIn, "SESSION")).as("the new session's cookie").contains("; Secure");
    }

    @Test
    void reachedDirectlyOverHttpTheCookieIsNotSecureAndNoHstsIsSent() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(url("/login")).GET(), Map.of());

        assertThat(setCookie(login, "SESSION")).doesNotContain("Secure");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    /** The value docker-compose.yml gives a variable of the portal's environment, if it gives one. */
    static Optional<String> composeSetting(String name) throws IOException {
        Path compose = Path.of(System.getProperty("user.dir"), "docker-compose.yml");
        Matcher setting = Pattern.compile("(?m)^\\s+" + name + ":\\s*\"?([^\"\\s#]+)").matcher(Files.readString(compose));
        return setting.find() ? Optional.of(setting.group(1)) : Optional.empty();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) throws Exception {
        headers.forEach(request::header);
        return http.send(request.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String setCookie(HttpResponse<String> response, String name) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + cookies));
    }

    private static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
