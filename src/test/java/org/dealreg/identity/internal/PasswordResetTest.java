package org.dealreg.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dealreg.IntegrationTest;
import org.dealreg.PortalClient;
import org.dealreg.TestUsers;
import org.dealreg.demo.internal.DemoMailSink;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.identity.UserAccounts;
import org.dealreg.partners.PartnerView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * "Forgot your password?" over HTTP, with the link read from the e-mail the real SMTP server (GreenMail, the demo
 * mail sink) received: single use, one hour, the same answer for every address, every session ended on reset.
 */
@IntegrationTest
class PasswordResetTest {

    private static final Pattern LINK = Pattern.compile("/password-reset/([A-Za-z0-9_-]{43})");
    private static final String NEW_PASSWORD = "a brand new passphrase";

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired UserAccounts accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired @Qualifier("applicationTaskExecutor") ThreadPoolTaskExecutor background;

    @Test
    void aForgottenPasswordIsResetThroughTheMailedLinkAndEveryOpenSessionEnds() {
        CurrentUser user = users.newPartnerUser(users.newPartner("US"));
        PortalClient laptop = new PortalClient(port);
        PortalClient phone = new PortalClient(port);
        assertThat(laptop.signIn(user.email(), TestUsers.PASSWORD)).endsWith("/");
        assertThat(phone.signIn(user.email(), TestUsers.PASSWORD)).endsWith("/");

        PortalClient client = new PortalClient(port);
        assertThat(client.get("/login").body()).contains("href=\"/password-reset\"").contains("Forgot your password?");
        String link = requestLink(client, user.email());
        assertThat(client.get("/password-reset/sent").body()).contains("Check your e-mail");
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(jdbc.queryForObject("select count(*) from password_reset where token_hash = ?", Long.class,
                InvitationTokens.hash(token))).as("only the SHA-256 is kept").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from password_reset where token_hash = ?", Long.class, token))
                .isZero();

        assertThat(client.get(link).body()).contains("Choose a new password").contains(user.email());
        HttpResponse<String> tooShort = client.post(link, Map.of("password", "short", "confirmation", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("Use at least 12 characters.");
        HttpResponse<String> done = client.post(link, Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/login?passwordReset");
        assertThat(client.get("/login?passwordReset").body()).contains("Your password is changed");

        assertThat(laptop.get("/deals").statusCode()).as("the laptop's session ended").isEqualTo(302);
        assertThat(phone.get("/deals").statusCode()).as("the phone's session ended").isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
                user.email())).isZero();
        assertThat(new PortalClient(port).signIn(user.email(), TestUsers.PASSWORD)).endsWith("/login?error");
        assertThat(new PortalClient(port).signIn(user.email(), NEW_PASSWORD)).endsWith("/");

        HttpResponse<String> again = new PortalClient(port).get(link);
        assertThat(again.statusCode()).as("single use").isEqualTo(410);
        assertThat(again.body()).contains("already used");

        List<Map<String, Object>> trail = jdbc.queryForList("select action, actor_id, details from audit_event "
                + "where subject_id = ? and action like 'PASSWORD_RESET%' order by seq", user.id().toString());
        assertThat(trail).extracting(row -> row.get("action")).containsExactly("PASSWORD_RESET_REQUESTED", "PASSWORD_RESET");
        assertThat(trail.get(1).get("actor_id")).isEqualTo(user.id());
        assertThat(trail.get(1).get("details").toString()).contains("sessionsEnded=2");
        assertThat(trail).allSatisfy(row -> assertThat(row.get("details").toString()).doesNotContain(token)
                .doesNotContain(user.email()));
    }

    @Test
    void everyAddressGetsTheSameAnswerAndOnlyAUserWhoMaySignInGetsALink() {
        PartnerView suspendedCompany = users.newPartner("US");
        CurrentUser ofSuspended = users.newPartnerUser(suspendedCompany);
        jdbc.update("update partner set status = 'SUSPENDED' where id = ?", suspendedCompany.id());
        CurrentUser deactivated = users.newPartnerUser(users.newPartner("US"));
        jdbc.update("update app_user set enabled = false where id = ?", deactivated.id());
        CurrentUser active = users.newPartnerUser(users.newPartner("US"));
        String nobody = "nobody-" + UUID.randomUUID() + "@nowhere.example";

        for (String email : List.of(nobody, deactivated.email(), ofSuspended.email(), active.email())) {
            PortalClient client = new PortalClient(port);
            client.get("/password-reset");
            HttpResponse<String> answer = client.post("/password-reset", Map.of("email", email));
            assertThat(answer.statusCode()).as(email).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).as(email).endsWith("/password-reset/sent");
        }
        awaitLink(active.email());
        await("the background issuing done").atMost(Duration.ofSeconds(15)).until(
                () -> background.getActiveCount() == 0 && background.getThreadPoolExecutor().getQueue().isEmpty());
        for (String email : List.of(nobody, deactivated.email(), ofSuspended.email())) {
            assertThat(DemoMailSink.received()).as(email).noneMatch(mail -> mail.to().equalsIgnoreCase(email));
            assertThat(jdbc.queryForObject("select count(*) from mail_outbox where lower(to_address) = lower(?)",
                    Long.class, email)).as(email).isZero();
        }
    }

    @Test
    void aFrenchUserIsWrittenToInFrench() {
        String email = "francoise-" + UUID.randomUUID() + "@test.example";
        accounts.create(new UserAccounts.NewUser(email, "Françoise", Role.PARTNER_USER, users.newPartner("FR").id(),
                Locale.FRENCH, ZoneId.of("Europe/Paris"), TestUsers.PASSWORD));
        requestLink(new PortalClient(port), email);
        DemoMailSink.Mail mail = awaitMail(email);
        assertThat(mail.subject()).isEqualTo("Choisissez un nouveau mot de passe dealreg");
        assertThat(mail.body()).contains("le lien fonctionne une fois");
        assertThat(new PortalClient(port).get("/password-reset?lang=fr").body()).contains("Mot de passe oublié ?");
    }

    @Test
    void anEarlierLinkAnExpiredLinkAndAnUnknownLinkSaySoAndChangeNothing() {
        CurrentUser user = users.newPartnerUser(users.newPartner("US"));
        String hash = passwordHash(user);
        String first = requestLink(new PortalClient(port), user.email());
        String second = requestLink(new PortalClient(port), user.email(), first);
        assertThat(second).isNotEqualTo(first);

        PortalClient client = new PortalClient(port);
        client.get("/password-reset");
        HttpResponse<String> earlier = client.post(first, Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
        assertThat(earlier.statusCode()).isEqualTo(410);
        assertThat(earlier.body()).contains("only the newest one sent works");

        jdbc.update("update password_reset set expires_at = now() - interval '1 second' where token_hash = ?",
                InvitationTokens.hash(second.substring(second.lastIndexOf('/') + 1)));
        HttpResponse<String> expired = client.post(second, Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("a link works for one hour");

        HttpResponse<String> unknown = client.get("/password-reset/" + "A".repeat(43));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("not valid");
        assertThat(passwordHash(user)).isEqualTo(hash);
    }

    @Test
    void requestsAreLimitedPerAddressAndPerEmail() {
        PortalClient client = new PortalClient(port);
        client.get("/password-reset");
        for (int request = 1; request <= 5; request++) {
            assertThat(client.post("/password-reset", Map.of("email", "someone-" + request + "@nowhere.example"))
                    .statusCode()).as("request " + request).isEqualTo(302);
        }
        client.get("/password-reset");
        HttpResponse<String> sixth = client.post("/password-reset", Map.of("email", "someone-6@nowhere.example"));
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.body()).containsPattern("Too many requests; try again in \\d+ seconds\\.");

        String target = "inbox-" + UUID.randomUUID() + "@nowhere.example";
        for (int request = 1; request <= 3; request++) {
            PortalClient other = new PortalClient(port);
            other.get("/password-reset");
            assertThat(other.post("/password-reset", Map.of("email", target)).statusCode()).isEqualTo(302);
        }
        PortalClient fourth = new PortalClient(port);
        fourth.get("/password-reset");
        assertThat(fourth.post("/password-reset", Map.of("email", target)).statusCode()).as("one inbox, three an hour")
                .isEqualTo(429);
    }

    @Test
    void anOwnerHeldBackOnANewAddressGetsStraightInAfterAReset() {
        CurrentUser manager = users.newUser(Role.CHANNEL_MANAGER, null);
        for (int address = 1; address <= 10; address++) {
            new PortalClient(port).signIn(manager.email(), "guess-" + address);
        }
        PortalClient hotel = new PortalClient(port);
        assertThat(hotel.signIn(manager.email(), TestUsers.PASSWORD)).contains("/login?retry=");

        String link = requestLink(hotel, manager.email());
        hotel.get(link);
        hotel.post(link, Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
        assertThat(hotel.signIn(manager.email(), NEW_PASSWORD)).endsWith("/");
    }

    /** Asks for a link on the page, as a visitor would, and answers the path of the newest one mailed. */
    private String requestLink(PortalClient client, String email, String... notThese) {
        assertThat(client.get("/password-reset").body()).contains("Forgot your password?");
        HttpResponse<String> answer = client.post("/password-reset", Map.of("email", email));
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/password-reset/sent");
        return awaitLink(email, notThese);
    }

    private String awaitLink(String email, String... notThese) {
        return await("a reset link for " + email).atMost(Duration.ofSeconds(15)).until(() -> DemoMailSink.received()
                .stream().filter(mail -> mail.to().equalsIgnoreCase(email)).map(mail -> LINK.matcher(mail.body()))
                .filter(Matcher::find).map(m -> "/password-reset/" + m.group(1))
                .filter(link -> !List.of(notThese).contains(link)).reduce((a, b) -> b), Optional::isPresent).orElseThrow();
    }

    private DemoMailSink.Mail awaitMail(String email) {
        return await("an e-mail to " + email).atMost(Duration.ofSeconds(15)).until(() -> DemoMailSink.received().stream()
                .filter(mail -> mail.to().equalsIgnoreCase(email)).findFirst(), Optional::isPresent).orElseThrow();
    }

    private String passwordHash(CurrentUser user) {
        return jdbc.queryForObject("select password_hash from app_user where id = ?", String.class, user.id());
    }
}
