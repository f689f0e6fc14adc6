package org.dealreg.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import org.dealreg.IntegrationTest;
import org.dealreg.PortalClient;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sign-in, throttling, sessions and error pages over real HTTP against the running portal. */
@IntegrationTest
class SignInTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aUserSignsInWithANewSessionIdAndSignsOut() {
        CurrentUser user = users.newPartnerUser(users.newPartner("US"));
        PortalClient client = new PortalClient(port);
        client.get("/login");
        String before = client.cookie("SESSION");

        assertThat(client.signIn(user.email(), TestUsers.PASSWORD)).endsWith("/");
        String after = client.cookie("SESSION");
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(client.get("/deals").body()).contains("My company’s registrations");

        HttpResponse<String> logout = client.post("/logout", Map.of());
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(client.get("/deals").statusCode()).isEqualTo(302);
    }

    @Test
    void sessionsLiveInPostgresSoAnyNodeCanServeThem() {
        CurrentUser user = users.newPartnerUser(users.newPartner("US"));
        PortalClient client = new PortalClient(port);
        client.signIn(user.email(), TestUsers.PASSWORD);
        Long rows = jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
                user.email());
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void tenWrongPasswordsLockTheAccountWithAClearMessage() {
        CurrentUser user = users.newUser(Role.CHANNEL_MANAGER, null);
        PortalClient client = new PortalClient(port);
        for (int attempt = 1; attempt <= 10; attempt++) {
            String location = client.signIn(user.email(), "wrong-password-" + attempt);
            assertThat(location).as("attempt " + attempt).endsWith(attempt <= 5 ? "/login?error" : "/login?locked");
        }
        assertThat(client.get("/login?locked").body()).contains("Too many failed sign-ins");
        assertThat(client.signIn(user.email(), TestUsers.PASSWORD)).as("even the right password waits")
                .endsWith("/login?locked");
        Timestamp lockedUntil = jdbc.queryForObject("select locked_until from login_throttle where identifier = ?",
                Timestamp.class, user.email());
        assertThat(lockedUntil.toInstant()).isAfter(Instant.now().plusSeconds(60 * 14));
    }

    @Test
    void anUnknownEmailGetsTheSameAnswersAsAnExistingOneSoNothingRevealsWhichAccountsExist() {
        PortalClient client = new PortalClient(port);
        String nobody = "nobody-" + java.util.UUID.randomUUID() + "@nowhere.example";
        for (int attempt = 1; attempt <= 6; attempt++) {
            assertThat(client.signIn(nobody, "whatever")).as("attempt " + attempt)
                    .endsWith(attempt <= 5 ? "/login?error" : "/login?locked");
        }
        assertThat(client.get("/login?error").body()).contains("Wrong e-mail or password.");
    }

    @Test
    void aSuccessfulSignInClearsEarlierFailures() {
        CurrentUser user = users.newPartnerUser(users.newPartner("US"));
        PortalClient client = new PortalClient(port);
        for (int attempt = 1; attempt <= 4; attempt++) {
            client.signIn(user.email(), "wrong");
        }
        assertThat(client.signIn(user.email(), TestUsers.PASSWORD)).endsWith("/");
        assertThat(jdbc.queryForList("select 1 from login_throttle where identifier = ?", user.email())).isEmpty();
        PortalClient again = new PortalClient(port);
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(again.signIn(user.email(), "wrong")).endsWith("/login?error");
        }
    }

    @Test
    void aSignInPostWithoutCsrfTokenIsRefused() {
        PortalClient client = new PortalClient(port);
        HttpResponse<String> response = client.post("/login", Map.of("email", "bob@northwind.example",
                "password", "demo-password", "_csrf", "forged"));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void theSignedInUserSeesThePortalInTheirOwnLanguageAndCanSwitch() throws Exception {
        LocalDate opening = LocalDate.now().plusDays(45);
        users.withFranceOpeningOn(opening, () -> {
            PortalClient client = new PortalClient(port);
            client.signIn("claire@fabrikam.example", "demo-password");
            String french = client.get("/deals/new").body();
            assertThat(french).contains("Enregistrer une affaire").contains("lang=\"fr\"")
                    .contains("Le programme ouvre dans votre région le " + longDate(opening, Locale.FRENCH));
            assertThat(client.get("/deals/new?lang=en").body()).contains("Register a deal")
                    .contains("The programme opens in your region on " + longDate(opening, Locale.ENGLISH));
            assertThat(client.get("/deals/new").body()).as("the choice is remembered").contains("Register a deal");
        });
    }

    private static String longDate(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
    }

    @Test
    void errorPagesAreFriendlyInBothLanguages() {
        PortalClient client = new PortalClient(port);
        client.signIn("sam@dealreg.example", "demo-password");
        HttpResponse<String> denied = client.get("/deals");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("Not allowed").doesNotContain("Exception");
        HttpResponse<String> missing = client.get("/no/such/page?lang=fr");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Introuvable");
    }
}
