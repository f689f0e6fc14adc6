package org.dealreg.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dealreg.IntegrationTest;
import org.dealreg.PortalClient;
import org.dealreg.StatementCounter;
import org.dealreg.TestUsers;
import org.dealreg.crypto.FieldCipher;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.partners.PartnerView;
import org.dealreg.program.ProgrammeChange;
import org.dealreg.shared.DatabaseClock;
import org.dealreg.shared.FieldProblem;
import org.dealreg.shared.RulesBroken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A partner admin subscribes through the page as the browser sends it, sees the secret once, rotates it, pauses and
 * deletes; another company's admin gets a 404 for it; a private address is refused when the setting is off.
 */
@IntegrationTest
class WebhookPagesTest {

    private static final Pattern SECRET = Pattern.compile("id=\"secret\">(whsec_[A-Za-z0-9+/=]+)<");
    private static final Pattern LINK = Pattern.compile("href=\"/webhooks/([0-9a-f-]{36})\"");

    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired FieldCipher cipher;
    @Autowired Subscriptions subscriptions;
    @Autowired WebhookSender sender;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired DatabaseClock clock;
    @Autowired ProgrammeChange change;
    @LocalServerPort int port;

    @Test
    void aPartnerAdminSubscribesSeesTheSecretOnceRotatesPausesAndDeletesAndEveryChangeIsAudited() {
        PartnerView company = users.newPartner("US");
        CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, company.id());
        PortalClient browser = signedIn(admin);

        HttpResponse<String> page = browser.get("/webhooks");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"subscription-form\"").contains("value=\"registration.submitted\"")
                .doesNotContain("value=\"application.decided\"").contains("id=\"nav-integrations\"");

        HttpResponse<String> refused = browser.post("/webhooks", Map.of("url", "ftp://hooks.example.com/x",
                "events", "registration.submitted"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"url-error\"").contains("Enter a full web address");
        HttpResponse<String> noEvent = browser.post("/webhooks", Map.of("url", "http://127.0.0.1:9/hooks"));
        assertThat(noEvent.body()).contains("id=\"events-error\"").contains("Choose at least one event.");
        HttpResponse<String> forged = browser.post("/webhooks", Map.of("url", "http://127.0.0.1:9/hooks",
                "events", "application.decided"));
        assertThat(forged.body()).contains("Choose among the events listed.");
        assertThat(count(company)).isZero();

        HttpResponse<String> created = browser.post("/webhooks", Map.of("url", "http://127.0.0.1:9/hooks",
                "events", "registration.decided"));
        assertThat(created.statusCode()).isEqualTo(200);
        String secret = group(SECRET, created.body());
        UUID id = UUID.fromString(group(LINK, created.body()));
        Map<String, Object> row = jdbc.queryForMap("select * from webhook_subscription where id = ?", id);
        assertThat(row.get("partner_id")).isEqualTo(company.id());
        assertThat(row.get("url")).isEqualTo("http://127.0.0.1:9/hooks");
        assertThat(cipher.decrypt((String) row.get("secret"))).isEqualTo(secret);
        assertThat((String) row.get("secret")).doesNotContain(secret.substring(6));

        HttpResponse<String> shown = browser.get("/webhooks/" + id);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("http://127.0.0.1:9/hooks").contains("Registration decided")
                .doesNotContain(secret).contains("id=\"rotate\"");
        assertThat(browser.get("/webhooks").body()).contains("subscription-" + id).doesNotContain(secret);

        String rotated = group(SECRET, browser.post("/webhooks/" + id + "/rotate", Map.of()).body());
        assertThat(rotated).isNotEqualTo(secret);
        row = jdbc.queryForMap("select * from webhook_subscription where id = ?", id);
        assertThat(cipher.decrypt((String) row.get("secret"))).isEqualTo(rotated);
        assertThat(cipher.decrypt((String) row.get("previous_secret"))).isEqualTo(secret);

        browser.get("/webhooks/" + id);
        assertThat(browser.post("/webhooks/" + id + "/pause", Map.of()).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/webhooks/" + id));
        assertThat(browser.get("/webhooks/" + id).body()).contains("id=\"resume\"").contains("The subscription is paused");
        browser.post("/webhooks/" + id + "/delete", Map.of());
        assertThat(count(company)).isZero();
        assertThat(browser.get("/webhooks/" + id).statusCode()).isEqualTo(404);

        assertThat(jdbc.queryForList("select action from audit_event where subject_type = 'webhook' and subject_id = ? "
                + "order by seq", String.class, id.toString())).containsExactly("WEBHOOK_CREATED",
                "WEBHOOK_SECRET_ROTATED", "WEBHOOK_PAUSED", "WEBHOOK_DELETED");
        assertThat(browser.get("/webhooks?lang=fr").body()).contains("Ajouter l’abonnement");
    }

    @Test
    void theProgrammeAdminSubscribesToProgrammeEventsAndThePagesCostFewStatements() {
        CurrentUser ada = users.newUser(Role.PROGRAM_ADMIN, null);
        PortalClient browser = signedIn(ada);
        HttpResponse<String> page = browser.get("/webhooks");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"application.decided\"").contains("value=\"registration.closed\"");
        HttpResponse<String> created = browser.post("/webhooks", Map.of("url", "http://127.0.0.1:9/programme",
                "events", "application.decided"));
        UUID id = UUID.fromString(group(LINK, created.body()));
        try {
            assertThat(jdbc.queryForObject("select partner_id from webhook_subscription where id = ?", UUID.class, id))
                    .isNull();
            PortalClient partnerAdmin = signedIn(users.newUser(Role.PARTNER_ADMIN, users.newPartner("US").id()));
            assertThat(partnerAdmin.get("/webhooks/" + id).statusCode()).isEqualTo(404);

            List<String> list = statements(browser, "/webhooks");
            List<String> shown = statements(browser, "/webhooks/" + id);
            System.out.printf("Webhooks list %d statements, subscription page %d%n", list.size(), shown.size());
            assertThat(list.size()).as("the list").isLessThanOrEqualTo(12);
            assertThat(shown.size()).as("a subscription with its log").isLessThanOrEqualTo(12);
        } finally {
            jdbc.update("delete from webhook_subscription where id = ?", id);
        }
    }

    /** The statements of one page sent on the server's request threads. */
    private static List<String> statements(PortalClient browser, String path) {
        StatementCounter.Recording recording = StatementCounter.start();
        HttpResponse<String> response = browser.get(path);
        List<String> statements = recording.stop().stream().filter(e -> e.thread().startsWith("http-"))
                .map(StatementCounter.Executed::sql).toList();
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return statements;
    }

    @Test
    void anotherCompanysSubscriptionAnswers404AndIsLeftAsItWas() {
        PartnerView company = users.newPartner("US");
        Subscriptions.Secret theirs = subscriptions.create(Subscriptions.Owner.of(users.newUser(Role.PARTNER_ADMIN,
                company.id())), "http://127.0.0.1:9/theirs", List.of("registration.submitted"));
        PortalClient stranger = signedIn(users.newUser(Role.PARTNER_ADMIN, users.newPartner("US").id()));
        stranger.get("/webhooks");

        for (String path : List.of("/webhooks/" + theirs.subscriptionId(), "/webhooks/not-a-uuid")) {
            assertThat(stranger.get(path).statusCode()).as(path).isEqualTo(404);
        }
        for (String action : List.of("rotate", "pause", "delete", "messages/" + UUID.randomUUID() + "/send-again")) {
            assertThat(stranger.post("/webhooks/" + theirs.subscriptionId() + "/" + action, Map.of()).statusCode())
                    .as(action).isEqualTo(404);
        }
        assertThat(stranger.get("/webhooks").body()).doesNotContain(theirs.subscriptionId().toString());
        Map<String, Object> row = jdbc.queryForMap("select * from webhook_subscription where id = ?",
                theirs.subscriptionId());
        assertThat(row.get("paused_at")).isNull();
        assertThat(row.get("previous_secret")).isNull();

        PortalClient partnerUser = signedIn(users.newPartnerUser(company));
        assertThat(partnerUser.get("/webhooks").statusCode()).isEqualTo(403);
        jdbc.update("delete from webhook_subscription where id = ?", theirs.subscriptionId());
    }

    @Test
    void aPrivateAddressIsRefusedWhenTheSettingIsOff() {
        PartnerView company = users.newPartner("US");
        Subscriptions internetOnly = new Subscriptions(jdbc, cipher, clock, events, sender, change, false);
        Subscriptions.Owner owner = Subscriptions.Owner.of(users.newUser(Role.PARTNER_ADMIN, company.id()));
        for (String url : List.of("https://127.0.0.1/hooks", "https://10.0.0.8/hooks", "https://169.254.169.254/",
                "https://[::1]/hooks", "http://127.0.0.1:9/hooks")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> transactions.executeWithoutResult(
                    status -> internetOnly.create(owner, url, List.of("registration.submitted"))))
                    .as(url).isInstanceOfSatisfying(RulesBroken.class, refused -> {
                        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("url");
                        assertThat(refused.code()).isIn("webhooks.url.private", "webhooks.url.https");
                    });
        }
        assertThat(count(company)).isZero();
    }

    private PortalClient signedIn(CurrentUser user) {
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(user.email(), TestUsers.PASSWORD)).endsWith("/");
        return browser;
    }

    private long count(PartnerView company) {
        return jdbc.queryForObject("select count(*) from webhook_subscription where partner_id = ?", Long.class,
                company.id());
    }

    private static String group(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertThat(m.find()).as(pattern.pattern()).isTrue();
        return m.group(1);
    }
}
