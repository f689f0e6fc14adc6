package org.dealreg.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dealreg.IntegrationTest;
import org.dealreg.PortalClient;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Integrations page as a partner admin and the programme admin use it, forms posted as the browser sends them. */
@IntegrationTest
class IntegrationsPageTest {

    private static final Pattern CLIENT_ID = Pattern.compile("id=\"new-client-id\">([^<]+)<");
    private static final Pattern SECRET = Pattern.compile("id=\"new-secret\">([^<]+)<");

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aPartnerAdminCreatesAClientSeesItsSecretOnceRotatesItWithAGracePeriodAndRevokesIt() throws Exception {
        CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, users.newPartner("US").id());
        PortalClient browser = new PortalClient(port);
        browser.signIn(admin.email(), TestUsers.PASSWORD);
        assertThat(browser.get("/integrations").body()).contains("id=\"client-form\"").contains("No client yet.");

        HttpResponse<String> refused = browser.post("/integrations", Map.of("name", " "));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("name-error").doesNotContain("new-secret");

        HttpResponse<String> created = browser.post("/integrations", Map.of("name", "Our <CRM>"));
        assertThat(created.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        String clientId = find(CLIENT_ID, created.body());
        String secret = find(SECRET, created.body());
        assertThat(created.body()).contains("Our &lt;CRM&gt;").doesNotContain("Our <CRM>");
        String page = browser.get("/integrations").body();
        assertThat(page).as("the secret is shown once").doesNotContain(secret).contains(clientId);
        assertThat(jdbc.queryForObject("select client_secret from oauth2_registered_client where client_id = ?",
                String.class, clientId)).as("only a hash is kept").doesNotContain(secret);

        ApiSession api = new ApiSession(port);
        assertThat(api.signIn(clientId, secret, "registrations:read")).isEqualTo(200);
        assertThat(api.get("/api/v1/registrations").statusCode()).isEqualTo(200);
        assertThat(browser.get("/integrations").body()).as("last use shown").doesNotContain("Never");

        browser.post("/integrations/" + clientId + "/name", Map.of("name", "Pipeline sync"));
        assertThat(browser.get("/integrations").body()).contains("Pipeline sync");

        HttpResponse<String> rotated = browser.post("/integrations/" + clientId + "/secret", Map.of());
        String newSecret = find(SECRET, rotated.body());
        assertThat(newSecret).isNotEqualTo(secret);
        assertThat(rotated.body()).contains("The previous secret still works until");
        assertThat(new ApiSession(port).signIn(clientId, secret, "registrations:read")).as("the old secret, in its grace period")
                .isEqualTo(200);
        assertThat(new ApiSession(port).signIn(clientId, newSecret, "registrations:read")).isEqualTo(200);
        assertThat(new ApiSession(port).signIn(clientId, "drs_guessed", "registrations:read")).isEqualTo(401);
        jdbc.update("update api_client set previous_secret_until = now() - interval '1 second' where client_id = ?", clientId);
        assertThat(new ApiSession(port).signIn(clientId, secret, "registrations:read")).as("after the grace period")
                .isEqualTo(401);

        browser.post("/integrations/" + clientId + "/revocation", Map.of());
        assertThat(api.get("/api/v1/registrations").statusCode()).as("its token, at once").isEqualTo(401);
        assertThat(new ApiSession(port).signIn(clientId, newSecret, "registrations:read")).isEqualTo(401);
        assertThat(browser.get("/integrations").body()).contains("client-revoked");

        List<String> trail = jdbc.queryForList("select action from audit_event where subject_id = ? order by seq",
                String.class, clientId);
        assertThat(trail).containsExactly("API_CLIENT_CREATED", "API_CLIENT_RENAMED", "API_CLIENT_ROTATED",
                "API_CLIENT_REVOKED");
    }

    @Test
    void anotherCompanysClientIsA404AndTheProgrammeAdminKeepsVendorClientsOnly() throws Exception {
        CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, users.newPartner("US").id());
        PortalClient owner = new PortalClient(port);
        owner.signIn(admin.email(), TestUsers.PASSWORD);
        owner.get("/integrations");
        String clientId = find(CLIENT_ID, owner.post("/integrations", Map.of("name", "Ours")).body());

        CurrentUser stranger = users.newUser(Role.PARTNER_ADMIN, users.newPartner("US").id());
        PortalClient other = new PortalClient(port);
        other.signIn(stranger.email(), TestUsers.PASSWORD);
        assertThat(other.get("/integrations").body()).doesNotContain(clientId);
        assertThat(other.post("/integrations/" + clientId + "/revocation", Map.of()).statusCode()).isEqualTo(404);
        assertThat(other.post("/integrations/" + clientId + "/secret", Map.of()).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select revoked_at is null from api_client where client_id = ?", Boolean.class,
                clientId)).isTrue();

        CurrentUser programmeAdmin = users.newUser(Role.PROGRAM_ADMIN, null);
        PortalClient vendor = new PortalClient(port);
        vendor.signIn(programmeAdmin.email(), TestUsers.PASSWORD);
        HttpResponse<String> page = vendor.get("/integrations");
        assertThat(page.body()).doesNotContain(clientId).contains("accounts:write");
        String vendorClient = find(CLIENT_ID, vendor.post("/integrations", Map.of("name", "CRM")).body());
        assertThat(jdbc.queryForObject("select kind from api_client where client_id = ?", String.class, vendorClient))
                .isEqualTo("VENDOR");

        CurrentUser partnerUser = users.newPartnerUser(users.newPartner("US"));
        PortalClient user = new PortalClient(port);
        user.signIn(partnerUser.email(), TestUsers.PASSWORD);
        assertThat(user.get("/integrations").statusCode()).as("partner users do not keep clients").isEqualTo(403);
    }

    private static String find(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        assertThat(m.find()).as("found " + pattern + " in the page").isTrue();
        return m.group(1);
    }
}
