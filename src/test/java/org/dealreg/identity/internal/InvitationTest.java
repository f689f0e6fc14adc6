package org.dealreg.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.InvitationLinks;
import org.dealreg.PortalClient;
import org.dealreg.TestUsers;
import org.dealreg.identity.Invitations;
import org.dealreg.identity.Role;
import org.dealreg.partners.PartnerView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Invitation links: single use, 72 hours, a password of at least 12 characters; a dead link changes nothing. */
@IntegrationTest
class InvitationTest {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Invitations invitations;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anInvitedUserCannotSignInUntilTheySetAPasswordThroughTheirLink() {
        String email = invite(users.newPartner("US"));
        String hashBefore = passwordHash(email);

        assertThat(new PortalClient(port).signIn(email, PASSWORD)).endsWith("/login?error");
        PortalClient client = new PortalClient(port);
        String link = InvitationLinks.latestFor(jdbc, email);
        assertThat(client.get(link).body()).contains("Set your password").contains(email);
        client.post(link, Map.of("password", PASSWORD, "confirmation", PASSWORD));

        assertThat(passwordHash(email)).isNotEqualTo(hashBefore).startsWith("{argon2}");
        assertThat(new PortalClient(port).signIn(email, PASSWORD)).endsWith("/");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'PASSWORD_SET' and actor_id = "
                + "(select id from app_user where email = ?)", Long.class, email)).isEqualTo(1);
    }

    @Test
    void theLinkInTheEmailOpensOnThePortThePortalListensOn() throws Exception {
        String email = invite(users.newPartner("US"));
        String body = jdbc.queryForObject("select body from mail_outbox where lower(to_address) = lower(?) "
                + "order by created_at desc limit 1", String.class, email);
        String link = "http://localhost:" + port + InvitationLinks.latestFor(jdbc, email);

        assertThat(body).as("no DEALREG_BASE_URL: the demo's links follow its port").contains(link);
        java.net.http.HttpResponse<String> opened = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(link)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("Set your password").contains(email);
    }

    @Test
    void aUsedLinkSaysSoAndChangesNothing() {
        String email = invite(users.newPartner("US"));
        String link = InvitationLinks.latestFor(jdbc, email);
        PortalClient client = new PortalClient(port);
        client.get(link);
        client.post(link, Map.of("password", PASSWORD, "confirmation", PASSWORD));
        String hash = passwordHash(email);

        PortalClient attacker = new PortalClient(port);
        HttpResponse<String> page = attacker.get(link);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("This invitation link was already used");
        attacker.get("/login");
        HttpResponse<String> post = attacker.post(link, Map.of("password", "another password 123",
                "confirmation", "another password 123"));
        assertThat(post.statusCode()).isEqualTo(410);
        assertThat(passwordHash(email)).isEqualTo(hash);
        assertThat(new PortalClient(port).signIn(email, "another password 123")).endsWith("/login?error");
    }

    @Test
    void anExpiredLinkSaysSoAndChangesNothing() {
        String email = invite(users.newPartner("US"));
        String link = InvitationLinks.latestFor(jdbc, email);
        String hash = passwordHash(email);
        jdbc.update("update user_invitation set expires_at = now() - interval '1 minute' "
                + "where user_id = (select id from app_user where email = ?)", email);

        PortalClient client = new PortalClient(port);
        HttpResponse<String> page = client.get(link);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("This invitation link has expired");
        client.get("/login");
        assertThat(client.post(link, Map.of("password", PASSWORD, "confirmation", PASSWORD)).body())
                .contains("This invitation link has expired");
        assertThat(passwordHash(email)).isEqualTo(hash);
        assertThat(jdbc.queryForObject("select password_set from app_user where email = ?", Boolean.class, email)).isFalse();
    }

    @Test
    void anUnknownLinkIsNotFound() {
        HttpResponse<String> page = new PortalClient(port).get("/invitations/" + "x".repeat(43));
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("This invitation link is not valid");
    }

    @Test
    void aShortOrMistypedPasswordIsRefusedAndTheLinkStillWorks() {
        String email = invite(users.newPartner("US"));
        String link = InvitationLinks.latestFor(jdbc, email);
        PortalClient client = new PortalClient(port);
        client.get(link);

        HttpResponse<String> tooShort = client.post(link, Map.of("password", "short pass1", "confirmation", "short pass1"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("Use at least 12 characters.");
        HttpResponse<String> mismatch = client.post(link, Map.of("password", PASSWORD, "confirmation", PASSWORD + "!"));
        assertThat(mismatch.body()).contains("The two passwords differ.");
        assertThat(jdbc.queryForObject("select password_set from app_user where email = ?", Boolean.class, email)).isFalse();

        client.post(link, Map.of("password", PASSWORD, "confirmation", PASSWORD));
        assertThat(new PortalClient(port).signIn(email, PASSWORD)).endsWith("/");
    }

    @Test
    void aStaffRoleIsNeverInvitedIntoACompany() {
        PartnerView partner = users.newPartner("US");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> invitations.invite(new Invitations.Invitee(
                "staff-" + UUID.randomUUID() + "@test.example", "Staff", Role.CHANNEL_MANAGER, partner.id(), Locale.ENGLISH,
                ZoneId.of("UTC")), null)).isInstanceOf(IllegalArgumentException.class);
    }

    private String invite(PartnerView partner) {
        String email = "invited-" + UUID.randomUUID() + "@test.example";
        invitations.invite(new Invitations.Invitee(email, "Invited Person", Role.PARTNER_USER, partner.id(),
                Locale.ENGLISH, ZoneId.of("America/New_York")), null);
        return email;
    }

    private String passwordHash(String email) {
        return jdbc.queryForObject("select password_hash from app_user where email = ?", String.class, email);
    }
}
