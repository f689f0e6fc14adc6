package org.dealreg.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ClientCredentialsTest {

    @LocalServerPort int port;
    @Autowired ApiClients apiClients;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired ExpiredTokens expiredTokens;

    final HttpClient http = HttpClient.newHttpClient();
    String secret;

    @Test
    void aClientGetsATokenAndTheApiAcceptsItForItsScopeOnly() throws Exception {
        CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, users.newPartner("US").id());
        ApiClients.Credentials credentials = apiClients.create(admin, "Test");
        String id = credentials.clientId();
        secret = credentials.secret();

        String access = token(id, "registrations:read");
        assertThat(call(null).statusCode()).as("no token").isEqualTo(401);
        assertThat(call("nonsense").statusCode()).as("a token never issued").isEqualTo(401);
        assertThat(call(access).statusCode()).as("the API's answer, not a refusal").isNotIn(401, 403);
        HttpResponse<String> forbidden = call(token(id, "registrations:write"));
        assertThat(forbidden.statusCode()).as("another scope").isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(forbidden.body()).contains("\"status\":403").contains("scope");

        HttpResponse<String> unauthorized = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/v1/registrations")).header("Accept-Language", "fr").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(unauthorized.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(unauthorized.body()).contains("\"status\":401").contains("jeton d'accès valide");

        assertThat(tokensOf(id)).isEqualTo(2);
        assertThat(expiredTokens.deleteExpiredBefore(Instant.now())).as("none expired yet").isZero();
        assertThat(tokensOf(id)).isEqualTo(2);
        expiredTokens.deleteExpiredBefore(Instant.now().plus(ApiSecurityConfiguration.ACCESS_TOKEN_LIFE).plusSeconds(5));
        assertThat(tokensOf(id)).as("both expired by then, their rows deleted").isZero();
        assertThat(call(access).statusCode()).as("a deleted token").isEqualTo(401);

        access = token(id, "registrations:read");
        assertThat(call(access).statusCode()).isNotIn(401, 403);
        jdbc.update("update oauth2_authorization set access_token_issued_at = now() - interval '11 minutes', "
                + "access_token_expires_at = now() - interval '1 minute' where access_token_value = ?", access);
        assertThat(call(access).statusCode()).as("an expired token, its row still there").isEqualTo(401);

        access = token(id, "registrations:read");
        assertThat(call(access).statusCode()).isNotIn(401, 403);
        apiClients.revoke(admin, id);
        assertThat(call(access).statusCode()).as("the client revoked").isEqualTo(401);
        assertThat(tokensOf(id)).as("its tokens deleted with it").isZero();
    }

    private int tokensOf(String clientId) {
        return jdbc.queryForObject("select count(*) from oauth2_authorization a join oauth2_registered_client c "
                + "on c.id = a.registered_client_id where c.client_id = ?", Integer.class, clientId);
    }

    private String token(String id, String scope) throws Exception {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.body()).containsPattern("\"expires_in\":(59[0-9]|600)[,}]").contains("\"token_type\":\"Bearer\"");
        return token.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    private HttpResponse<String> call(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/registrations"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
