package org.dealreg.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A machine client talking to the running portal over real HTTP: a token from /oauth2/token, then JSON calls. */
final class ApiSession {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private String token;

    ApiSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Asks for a token with the client's id and secret; the status answered (200 when it got one). */
    int signIn(String clientId, String secret, String scope) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
            token = answer.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        }
        return answer.statusCode();
    }

    ApiSession signedIn(String clientId, String secret, String scope) throws Exception {
        assertThat(signIn(clientId, secret, scope)).as("token for " + clientId).isEqualTo(200);
        return this;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    /** A JSON body unless a Content-Type header is given. */
    HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        return send(withBody(request(path), headers).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> put(String path, String body, String... headers) throws Exception {
        return send(withBody(request(path), headers).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send(request(path).DELETE());
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder request, String... headers) {
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        return typed ? request : request.header("Content-Type", "application/json");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A registration as a partner's system sends it: a customer of its own (name and e-mail domain), in the US. */
    static String deal(String customer, String amount) {
        String unique = java.util.UUID.randomUUID().toString().substring(0, 8);
        return """
                {"customerName":"%s %s Inc.","customerCountry":"US","customerCity":"Springfield",
                 "contactName":"Jane Doe","contactEmail":"jane@%s-%s.example","title":"Data centre refresh",
                 "description":"Forty racks.","specialization":"INFRASTRUCTURE","amount":%s,"currency":"USD",
                 "expectedCloseDate":"%s","competitors":null}""".formatted(customer, unique, customer.toLowerCase(),
                unique, amount, java.time.LocalDate.now().plusMonths(3));
    }
}
