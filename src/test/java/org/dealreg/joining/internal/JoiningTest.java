package org.dealreg.joining.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.InvitationLinks;
import org.dealreg.PortalClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A company applies on the public form; Maria accepts or declines; the new admin sets a password and signs in. */
@IntegrationTest
class JoiningTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anApplicationIsStoredAsAnAppliedCompanyWithItsContactAndEveryChannelManagerIsTold() {
        String company = company();
        String email = email();
        long managersToldBefore = toldOfApplications();

        HttpResponse<String> response = apply(company, "US", email);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/apply/received");
        Map<String, Object> row = jdbc.queryForMap("""
                select p.status, p.tier, p.region_code, a.status as application_status, a.contact_name, a.contact_email,
                       a.contact_phone, a.message
                from partner p join partner_application a on a.partner_id = p.id where p.legal_name = ?""", company);
        assertThat(row).containsEntry("status", "APPLIED").containsEntry("tier", "REGISTERED")
                .containsEntry("region_code", "US").containsEntry("application_status", "PENDING")
                .containsEntry("contact_name", "Jane Applicant").containsEntry("contact_email", email)
                .containsEntry("contact_phone", "+1 555 0100").containsEntry("message", "<b>We sell switches</b>");
        assertThat(toldOfApplications()).as("Maria is told").isGreaterThan(managersToldBefore);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'APPLICATION_RECEIVED' "
                + "and details like ?", Long.class, "%" + partnerId(company) + "%")).isEqualTo(1);
    }

    @Test
    void aSecondApplicationForTheSameCompanyIsRefusedWhateverItsCaseAndWhetherWaitingOrActive() {
        String company = company();
        apply(company, "US", email());
        long before = applications();

        HttpResponse<String> again = apply(company.toUpperCase(), "FR", email());
        HttpResponse<String> active = apply("northwind systems", "US", email());

        for (HttpResponse<String> refused : new HttpResponse[] {again, active}) {
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).contains("This company has already applied or is already a partner");
        }
        assertThat(applications()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select country from partner where legal_name = ?", String.class, company))
                .as("the first application's company is unchanged").isEqualTo("US");
    }

    @Test
    void aCountryNoRegionServesIsRefusedWithNothingStored() {
        String company = company();
        HttpResponse<String> response = apply(company, "DE", email());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("The programme does not serve this country yet");
        assertThat(jdbc.queryForObject("select count(*) from partner where legal_name = ?", Long.class, company)).isZero();
    }

    @Test
    void anEmailThatAlreadyHasAnAccountIsRefused() {
        String company = company();
        HttpResponse<String> response = apply(company, "US", "Bob@Northwind.example");
        assertThat(response.body()).contains("This e-mail address already has an account");
        assertThat(jdbc.queryForObject("select count(*) from partner where legal_name = ?", Long.class, company)).isZero();
    }

    @Test
    void theFormNeedsItsRequiredFieldsAndACsrfToken() {
        PortalClient anonymous = new PortalClient(port);
        anonymous.get("/apply");
        HttpResponse<String> empty = anonymous.post("/apply", Map.of("legalName", "", "country", "", "contactName", "",
                "contactEmail", "not-an-email"));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("This field is required.").contains("Enter a valid e-mail address.");
        HttpResponse<String> forged = new PortalClient(port).post("/apply", Map.of("legalName", company(),
                "country", "US", "contactName", "X", "contactEmail", email(), "_csrf", "forged"));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void mariaAcceptsAndTheContactBecomesTheActiveRegisteredCompanysAdminWhoSetsAPasswordAndSignsIn() {
        String company = company();
        String email = email();
        UUID application = pendingApplication(company, "FR", email);
        PortalClient maria = mariaOn(application);

        HttpResponse<String> accepted = maria.post("/partners/applications/" + application + "/accept",
                Map.of("status", "DECLINED", "tier", "CERTIFIED"));

        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForMap("select status, tier from partner where legal_name = ?", company))
                .containsEntry("status", "ACTIVE").containsEntry("tier", "REGISTERED");
        Map<String, Object> admin = jdbc.queryForMap("select id, role, partner_id, locale, time_zone, password_set, enabled "
                + "from app_user where email = ?", email);
        assertThat(admin).containsEntry("role", "PARTNER_ADMIN").containsEntry("partner_id", partnerId(company))
                .containsEntry("locale", "fr").containsEntry("time_zone", "Europe/Paris")
                .containsEntry("password_set", false).containsEntry("enabled", true);
        String link = InvitationLinks.latestFor(jdbc, email);
        String token = link.substring("/invitations/".length());
        assertThat(jdbc.queryForObject("select count(*) from user_invitation where user_id = ? and token_hash = ? "
                + "and expires_at between created_at + interval '71 hours 59 minutes' and created_at + interval '72 hours'",
                Long.class, admin.get("id"), sha256(token))).as("only the hash is stored, 72 h").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from user_invitation where token_hash = ?", Long.class, token)).isZero();
        assertThat(jdbc.queryForObject("select subject from mail_outbox where to_address = ? and notification_id is null",
                String.class, email)).isEqualTo("Votre compte dealreg : choisissez votre mot de passe");
        String page = maria.get("/partners/applications/" + application).body();
        assertThat(page).contains("Accepted by Maria Garcia").contains("Applied through the public form");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'APPLICATION_ACCEPTED' and subject_id = ?",
                Long.class, application.toString())).isEqualTo(1);

        assertThat(page).contains("Send a new invitation link");
        maria.post("/partners/applications/" + application + "/reinvite", Map.of());
        assertThat(new PortalClient(port).get(link).statusCode()).as("the first link is replaced").isEqualTo(410);
        link = InvitationLinks.latestFor(jdbc, email);

        PortalClient newAdmin = new PortalClient(port);
        assertThat(newAdmin.signIn(email, "anything-at-all-123")).as("no password before the link").endsWith("/login?error");
        newAdmin.get(link);
        assertThat(newAdmin.post(link, Map.of("password", "a long enough secret", "confirmation", "a long enough secret"))
                .headers().firstValue("Location").orElseThrow()).endsWith("/login?passwordSet");
        assertThat(newAdmin.signIn(email, "a long enough secret")).endsWith("/");
        assertThat(newAdmin.get("/team").statusCode()).isEqualTo(200);
        assertThat(maria.get("/partners/applications/" + application).body()).doesNotContain("Send a new invitation link");

        HttpResponse<String> twice = maria.post("/partners/applications/" + application + "/accept", Map.of());
        assertThat(maria.get(twice.headers().firstValue("Location").orElseThrow().replace("http://localhost:" + port, ""))
                .body()).contains("This application was already decided");
    }

    @Test
    void mariaDeclinesWithAReasonTheContactIsMailedAndTheCompanyMayApplyAgainLater() {
        String company = company();
        String email = email();
        UUID application = pendingApplication(company, "US", email);
        PortalClient maria = mariaOn(application);

        maria.post("/partners/applications/" + application + "/decline", Map.of("reason", "   "));
        assertThat(jdbc.queryForObject("select status from partner_application where id = ?", String.class, application))
                .as("no reason, no decision").isEqualTo("PENDING");

        maria.post("/partners/applications/" + application + "/decline",
                Map.of("reason", "We have enough resellers in your area this year."));

        assertThat(jdbc.queryForMap("select status, decline_reason from partner_application where id = ?", application))
                .containsEntry("status", "DECLINED")
                .containsEntry("decline_reason", "We have enough resellers in your area this year.");
        assertThat(jdbc.queryForObject("select status from partner where legal_name = ?", String.class, company))
                .as("the company stays on record as an applicant").isEqualTo("APPLIED");
        assertThat(jdbc.queryForObject("select body from mail_outbox where to_address = ?", String.class, email))
                .contains("We have enough resellers in your area this year.");
        assertThat(jdbc.queryForObject("select count(*) from app_user where email = ?", Long.class, email)).isZero();
        assertThat(maria.get("/partners/applications/" + application).body()).contains("Declined by Maria Garcia");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'APPLICATION_DECLINED' and subject_id = ?",
                Long.class, application.toString())).isEqualTo(1);

        HttpResponse<String> again = apply(company, "US", email);
        assertThat(again.statusCode()).as("a declined application does not block a new one").isEqualTo(302);
        assertThat(jdbc.queryForList("select a.status from partner_application a join partner p on p.id = a.partner_id "
                + "where p.legal_name = ? order by a.submitted_at", String.class, company)).containsExactly("DECLINED", "PENDING");
    }

    @Test
    void theQueueIsForChannelManagersTheProgrammeAdminOnlyLooks() {
        String company = company();
        UUID application = pendingApplication(company, "US", email());
        // the newest waits last, on the last page (a page past the end shows it whatever the other tests left)
        assertThat(signedIn("maria@dealreg.example").get("/partners/applications?page=999999").body()).contains(company);
        PortalClient ada = signedIn("ada@dealreg.example");
        assertThat(ada.get("/partners/applications/" + application).statusCode()).isEqualTo(200);
        assertThat(ada.post("/partners/applications/" + application + "/accept", Map.of()).statusCode()).isEqualTo(403);
        assertThat(signedIn("alice@northwind.example").get("/partners/applications").statusCode()).isEqualTo(403);
        assertThat(new PortalClient(port).get("/partners/applications").statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select status from partner_application where id = ?", String.class, application))
                .isEqualTo("PENDING");
    }

    private HttpResponse<String> apply(String company, String country, String email) {
        PortalClient anonymous = new PortalClient(port);
        anonymous.get("/apply");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("legalName", company);
        form.put("country", country);
        form.put("contactName", "Jane Applicant");
        form.put("contactEmail", email);
        form.put("contactPhone", "+1 555 0100");
        form.put("website", "https://example.com");
        form.put("message", "<b>We sell switches</b>");
        form.put("status", "ACTIVE");
        return anonymous.post("/apply", form);
    }

    private UUID pendingApplication(String company, String country, String email) {
        assertThat(apply(company, country, email).statusCode()).isEqualTo(302);
        return applicationOf(company);
    }

    /** Maria, signed in, on the application's page (whose form gives her the CSRF token to post). */
    private PortalClient mariaOn(UUID application) {
        PortalClient maria = signedIn("maria@dealreg.example");
        maria.get("/partners/applications/" + application);
        return maria;
    }

    private PortalClient signedIn(String email) {
        PortalClient client = new PortalClient(port);
        client.signIn(email, "demo-password");
        return client;
    }

    private UUID applicationOf(String company) {
        return jdbc.queryForObject("select a.id from partner_application a join partner p on p.id = a.partner_id "
                + "where p.legal_name = ? and a.status = 'PENDING'", UUID.class, company);
    }

    private UUID partnerId(String company) {
        return jdbc.queryForObject("select id from partner where legal_name = ?", UUID.class, company);
    }

    private long applications() {
        return jdbc.queryForObject("select count(*) from partner_application", Long.class);
    }

    private long toldOfApplications() {
        return jdbc.queryForObject("select count(*) from notification n join app_user u on u.id = n.user_id "
                + "where u.email = 'maria@dealreg.example' and n.kind = 'joining.received'", Long.class);
    }

    static String company() {
        return "Applicant Networks " + UUID.randomUUID().toString().substring(0, 8);
    }

    static String email() {
        return "contact-" + UUID.randomUUID() + "@applicant.example";
    }

    static String sha256(String token) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
