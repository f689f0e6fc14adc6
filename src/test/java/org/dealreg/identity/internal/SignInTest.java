package org.dealreg.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
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
    void wrongPasswordsFromOneClientAreSlowedDownWithTheSecondsToWaitNeverLocked() {
        CurrentUser user = users.newUser(Role.CHANNEL_MANAGER, null);
        PortalClient client = new PortalClient(port);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(client.signIn(user.email(), "wrong-password-" + attempt)).as("attempt " + attempt)
                    .endsWith("/login?error");
        }
        String refused = client.signIn(user.email(), TestUsers.PASSWORD);
        assertThat(refused).as("this client waits, even with the right password").contains("/login?retry=");
        long seconds = Long.parseLong(refused.substring(refused.indexOf("retry=") + 6));
        assertThat(seconds).isBetween(1L, 12L);
        assertThat(client.get("/login?retry=" + seconds).body())
                .contains("Too many attempts; try again in " + seconds + " seconds.");
        assertThat(client.get("/login?retry=call%20us").body()).as("only a number is ever shown")
                .doesNotContain("call us").doesNotContain("Too many attempts");

        assertThat(new PortalClient(port).signIn(user.email(), TestUsers.PASSWORD)).as("the owner elsewhere").endsWith("/");
    }

    @Test
    void aStrangerGuessingFromManyAddressesCannotKeepTheOwnerOut() {
        CurrentUser manager = users.newUser(Role.CHANNEL_MANAGER, null);
        String office = PortalClient.randomAddress();
        assertThat(new PortalClient(port).from(office).signIn(manager.email(), TestUsers.PASSWORD)).endsWith("/");

        PortalClient stranger = new PortalClient(port);
        for (int attempt = 1; attempt <= 10; attempt++) {
            stranger.signIn(manager.email(), "guess-" + attempt);
        }
        for (int address = 1; address <= 10; address++) {
            new PortalClient(port).signIn(manager.email(), "guess-from-elsewhere-" + address);
        }
        PortalClient owner = new PortalClient(port).from(office);
        assertThat(owner.signIn(manager.email(), TestUsers.PASSWORD)).as("the owner from their office").endsWith("/");
        assertThat(owner.get("/review").statusCode()).isEqualTo(200);

        assertThat(new PortalClient(port).signIn(manager.email(), TestUsers.PASSWORD))
                .as("an address the owner never used waits, with the right password too").contains("/login?retry=");
    }

    @Test
    void oneClientTryingPasswordsAcrossManyAccountsIsSlowedDown() {
        PortalClient client = new PortalClient(port);
        List<CurrentUser> accounts = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            accounts.add(users.newPartnerUser(users.newPartner("US")));
        }
        // ten attempts a minute from one address, a token back every 6 s: on a slow machine the ten take longer than
        // that, so the refusal may come an attempt or two later, but never later than the tokens given back allow
        long started = System.nanoTime();
        int accepted = 0;
        String answer = "";
        while (accepted < accounts.size() - 1) {
            answer = client.signIn(accounts.get(accepted).email(), "Summer2026!");
            if (!answer.endsWith("/login?error")) {
                break;
            }
            accepted++;
        }
        long refilled = java.time.Duration.ofNanos(System.nanoTime() - started).toSeconds() / 6;
        assertThat(answer).as("after %d wrong passwords on %d accounts", accepted, accepted).contains("/login?retry=");
        assertThat(accepted).as("wrong passwords let through, %d s of tokens given back meanwhile", refilled * 6)
                .isBetween(10, 10 + (int) refilled);
        assertThat(client.signIn(accounts.get(accounts.size() - 1).email(), TestUsers.PASSWORD))
                .as("any account, from this client").contains("/login?retry=");
        assertThat(new PortalClient(port).signIn(accounts.get(accounts.size() - 1).email(), TestUsers.PASSWORD))
                .as("from another client").endsWith("/");
    }

    @Test
    void anUnknownEmailGetsTheSameAnswersAsAnExistingOneSoNothingRevealsWhichAccountsExist() {
        CurrentUser user = users.newPartnerUser(users.newPartner("US"));
        String nobody = "nobody-" + java.util.UUID.randomUUID() + "@nowhere.example";
        PortalClient forNobody = new PortalClient(port);
        PortalClient forSomebody = new PortalClient(port);
        for (int attempt = 1; attempt <= 6; attempt++) {
            String expected = attempt <= 5 ? "/login?error" : "/login?retry=";
            assertThat(forNobody.signIn(nobody, "whatever")).as("attempt " + attempt).contains(expected);
            assertThat(forSomebody.signIn(user.email(), "whatever")).as("attempt " + attempt).contains(expected);
        }
        assertThat(forNobody.get("/login?error").body()).contains("Wrong e-mail or password.");
    }

    @Test
    void aSuccessfulSignInClearsEarlierFailures() {
        CurrentUser user = users.newPartnerUser(users.newPartner("US"));
        PortalClient client = new PortalClient(port);
        for (int attempt = 1; attempt <= 4; attempt++) {
            client.signIn(user.email(), "wrong");
        }
        assertThat(client.signIn(user.email(), TestUsers.PASSWORD)).endsWith("/");
        PortalClient again = new PortalClient(port).from(client.address());
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(again.signIn(user.email(), "wrong")).as("attempt " + attempt).endsWith("/login?error");
        }
    }

    @Test
    void aNulByteOrAControlCharacterInTheEmailOrPasswordIsAnOrdinaryWrongPassword() {
        CurrentUser user = users.newPartnerUser(users.newPartner("US"));
        long failuresBefore = failuresInTheTrail();
        PortalClient client = new PortalClient(port);
        for (String email : List.of(user.email() + "\u0000", "\u0000", "bob@northwind.example\u0000x",
                user.email() + "\n", user.email() + "\u001f")) {
            HttpResponse<String> response = signInPost(client, email, TestUsers.PASSWORD);
            assertThat(response.statusCode()).as(email).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(email).endsWith("/login?error");
        }
        HttpResponse<String> nulInPassword = signInPost(new PortalClient(port), user.email(), "test-\u0000password");
        assertThat(nulInPassword.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(client.get("/login?error").body()).contains("Wrong e-mail or password.");
        assertThat(failuresInTheTrail()).as("each in the audit trail").isGreaterThanOrEqualTo(failuresBefore + 6);

        PortalClient repeating = new PortalClient(port);
        for (int attempt = 1; attempt <= 5; attempt++) {
            signInPost(repeating, user.email() + "\u0000", TestUsers.PASSWORD);
        }
        assertThat(signInPost(repeating, user.email() + "\u0000", TestUsers.PASSWORD).headers().firstValue("Location")
                .orElseThrow()).as("each counts as a failed attempt").contains("/login?retry=");
    }

    private long failuresInTheTrail() {
        return jdbc.queryForObject("select count(*) from audit_event where action = 'LOGIN_FAILED'", Long.class);
    }

    private static HttpResponse<String> signInPost(PortalClient client, String email, String password) {
        client.get("/login");
        return client.post("/login", Map.of("email", email, "password", password));
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
