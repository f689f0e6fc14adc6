package org.dealreg;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP client that behaves like a browser without JavaScript: it keeps cookies, reads the CSRF
 * token from the last page it saw and does not follow redirects, so tests can see where they point.
 * Each client comes from a network address of its own, as a proxy in front of the portal would say
 * (X-Forwarded-For, which the tests' portal trusts from the loopback), so that the sign-in throttle's
 * limit per address counts one test's attempts only; {@link #from} chooses the address.
 */
public class PortalClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String lastCsrf;
    private String address = randomAddress();

    public PortalClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The network address this client's requests come from from now on. */
    public PortalClient from(String address) {
        this.address = address;
        return this;
    }

    public String address() {
        return address;
    }

    /** An address of the benchmarking block 198.18.0.0/15: nobody's, and not one the portal takes for a proxy. */
    public static String randomAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
    }

    /** A file the portal sends (an export), as bytes. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", address).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file the portal sends, written to {@code file} as it arrives (a large export, without holding it). */
    public HttpResponse<java.nio.file.Path> downloadTo(String path, java.nio.file.Path file) {
        return download(path, HttpResponse.BodyHandlers.ofFile(file));
    }

    /** A response the portal sends, read by {@code handler} (a benchmark's, say). */
    public <T> HttpResponse<T> download(String path, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", address).GET()
                    .build(), handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        if (lastCsrf != null) {
            withToken.putIfAbsent("_csrf", lastCsrf);
        }
        String body = withToken.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Opens the sign-in page and signs in; answers where the portal redirected to. */
    public String signIn(String email, String password) {
        get("/login");
        HttpResponse<String> response = post("/login", Map.of("email", email, "password", password));
        return response.headers().firstValue("Location").orElse("");
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("X-Forwarded-For", address).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                lastCsrf = m.group(1);
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
