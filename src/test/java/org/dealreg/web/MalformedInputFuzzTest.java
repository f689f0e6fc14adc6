package org.dealreg.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dealreg.IntegrationTest;
import org.dealreg.InvitationLinks;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.Partners;
import org.dealreg.partners.Tier;
import org.dealreg.registration.ManagerReview;
import org.dealreg.registration.internal.DealRegistrationTestSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Posts malformed variants of every form of the portal, each form taken as the page renders it for the role that
 * sees it (action, hidden fields, CSRF token, choices), with one field spoiled at a time: control characters (NUL,
 * escape, bell, DEL, C1), line breaks in one-line fields, nothing visible but zero-width characters, the field sent
 * twice, over-long text, and what each kind of field must refuse (amounts, dates, e-mails, websites, choices). Every
 * post must answer the form with a message on that field (or, for an action that redirects, the page with the
 * refusal), never a 500; and the tables hold exactly the rows they held before (counted in PostgreSQL), so nothing
 * of a malformed post was stored.
 */
@IntegrationTest
class MalformedInputFuzzTest {

    /**
     * Tables that signing in and opening pages write legitimately: sessions (and their flash maps), the sign-in
     * throttle, the log of staff opening a registration. The audit trail is counted without the rows of those same
     * events (sign-ins, views, refused pages).
     */
    private static final Set<String> WRITTEN_BY_PAGE_VIEWS = Set.of("spring_session", "spring_session_attributes",
            "sign_in_bucket", "sign_in_known_address", "registration_view", "shedlock");
    /**
     * A refused submission takes a ticket of its company's cap and gives it back (docs/submission.md), and taking one
     * clears the company's tickets whose registration exists: what must not change is the tickets still counting.
     */
    private static final Set<String> SUBMISSION_TICKETS = Set.of("registration_quota", "registration_reservation");
    private static final String AUDITED_PAGE_VIEWS =
            "('LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'REGISTRATION_VIEWED', 'ACCESS_DENIED')";
    private static final String DEMO_PASSWORD = "demo-password";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestUsers users;
    @Autowired Partners partners;
    @Autowired ManagerReview review;
    @Autowired MockMvc mvc;

    private final List<String> failures = new ArrayList<>();
    private int posts;

    /** What a field holds, which decides how it is spoiled. */
    enum Kind { TEXT, REQUIRED_TEXT, MULTI, REQUIRED_MULTI, CHOICE, DATE, AMOUNT, EMAIL, WEBSITE, HIDDEN, NUMBER, PASSWORD, CODES }

    /** Where a refusal shows: on the re-rendered form next to the field, or on the page an action redirects to. */
    enum Answer { FORM, REDIRECT }

    @Test
    void malformedPostsOnEveryFormAreRefusedOnTheFieldAndStoreNothing() throws Exception {
        Fixture f = fixture();
        Map<String, Long> before = rowCounts();
        long started = System.nanoTime();

        Browser bob = Browser.signedIn(port, f.partnerUser.getUsername(), TestUsers.PASSWORD);
        String future = LocalDate.now().plusMonths(3).toString();
        fuzz(bob, "/deals/new", "#deal-form", Answer.FORM, Map.of(
                "customerName", "Fuzz Customer " + UUID.randomUUID(), "customerWebsite", "https://fuzz-customer.example",
                "customerCountry", "US", "contactName", "Jane Doe", "contactEmail", "jane@fuzz-customer.example",
                "title", "Data centre refresh", "description", "Forty racks.", "specialization", "INFRASTRUCTURE",
                "amount", "120,000.00", "expectedCloseDate", future), fields(
                "customerName", Kind.REQUIRED_TEXT, "customerWebsite", Kind.WEBSITE, "customerCountry", Kind.CHOICE,
                "customerCity", Kind.TEXT, "contactName", Kind.REQUIRED_TEXT, "contactEmail", Kind.EMAIL,
                "contactPhone", Kind.TEXT, "title", Kind.REQUIRED_TEXT, "description", Kind.REQUIRED_MULTI,
                "specialization", Kind.CHOICE, "amount", Kind.AMOUNT, "currency", Kind.CHOICE,
                "expectedCloseDate", Kind.DATE, "competitors", Kind.MULTI));
        String today = LocalDate.now(ZoneId.of("America/New_York")).toString();
        fuzz(bob, "/deals/" + f.approved + "/close", "#close-form", Answer.FORM, Map.of("outcome", "WON",
                "amount", "150,000.00", "closedOn", today), fields("outcome", Kind.CHOICE, "amount", Kind.AMOUNT,
                "currency", Kind.CHOICE, "closedOn", Kind.DATE, "version", Kind.HIDDEN));
        fuzz(bob, "/deals/" + f.approved + "/close", "#close-form", Answer.FORM, Map.of("outcome", "LOST"),
                fields("lostReason", Kind.REQUIRED_MULTI));
        fuzz(bob, "/deals/" + f.approved, "#extension-form", Answer.REDIRECT, Map.of("reason", "The board meets in May."),
                fields("reason", Kind.REQUIRED_MULTI, "version", Kind.HIDDEN));
        fuzz(bob, "/deals/" + f.pending, "#withdraw-form", Answer.REDIRECT, Map.of(), fields("version", Kind.HIDDEN));

        Browser anonymous = Browser.anonymous(port);
        fuzz(anonymous, "/apply", "#apply-form", Answer.FORM, Map.of("legalName", "Fuzz Applicant " + UUID.randomUUID(),
                "country", "US", "contactName", "Jane Applicant", "contactEmail", "fuzz-" + UUID.randomUUID() + "@applicant.example",
                "website", "https://applicant.example"), fields("legalName", Kind.REQUIRED_TEXT, "country", Kind.CHOICE,
                "contactName", Kind.REQUIRED_TEXT, "contactEmail", Kind.EMAIL, "contactPhone", Kind.TEXT,
                "website", Kind.WEBSITE, "message", Kind.MULTI));
        fuzz(anonymous, f.invitation, "#password-form", Answer.FORM, Map.of("password", "correct horse battery",
                "confirmation", "correct horse battery"), fields("password", Kind.PASSWORD, "confirmation", Kind.PASSWORD));

        Browser admin = Browser.signedIn(port, f.partnerAdmin.getUsername(), TestUsers.PASSWORD);
        fuzz(admin, "/team", "#invite-form", Answer.FORM, Map.of("displayName", "Fuzz Colleague",
                "email", "fuzz-" + UUID.randomUUID() + "@colleague.example"), fields("displayName", Kind.REQUIRED_TEXT,
                "email", Kind.EMAIL, "role", Kind.CHOICE));
        fuzz(admin, "/webhooks", "#subscription-form", Answer.FORM, Map.of("url", "http://127.0.0.1:9/fuzz",
                "events", "registration.submitted"), fields("url", Kind.REQUIRED_TEXT, "events", Kind.CODES));

        Browser maria = Browser.signedIn(port, "maria@dealreg.example", DEMO_PASSWORD);
        fuzz(maria, "/review/" + f.pending, "#reject-form", Answer.FORM, Map.of("reason", "OTHER", "comment", "Too small."),
                fields("reason", Kind.CHOICE, "comment", Kind.REQUIRED_MULTI, "version", Kind.HIDDEN));
        fuzz(maria, "/review/" + f.pending, "#approve-form", Answer.REDIRECT, Map.of(), fields("version", Kind.HIDDEN));
        fuzz(maria, "/review/" + f.extended, "form[action*=/decline]", Answer.REDIRECT, Map.of("reason", "Not now."),
                fields("reason", Kind.REQUIRED_MULTI));
        fuzz(maria, "/partners/applications/" + f.application, "form[action$=/decline]", Answer.REDIRECT,
                Map.of("reason", "Not a reseller."), fields("reason", Kind.REQUIRED_MULTI));
        fuzz(maria, "/partners/" + f.partner.id(), "#standing-form", Answer.REDIRECT, Map.of("reason", "Objective missed."),
                fields("reason", Kind.REQUIRED_MULTI));
        fuzz(maria, "/partners/" + f.partner.id(), "#specializations-form", Answer.REDIRECT, Map.of(),
                fields("codes", Kind.CODES));

        Browser ada = Browser.signedIn(port, "ada@dealreg.example", DEMO_PASSWORD);
        fuzz(ada, "/admin/settings", "#settings-form", Answer.FORM, Map.of(), fields("minimum-deal-usd", Kind.NUMBER,
                "decision-hours-clear", Kind.NUMBER, "weak-match-threshold", Kind.NUMBER, "clock-mode", Kind.CHOICE,
                "shown.protection-days", Kind.HIDDEN));
        fuzz(ada, "/admin/regions", "#rate-form", Answer.FORM, Map.of("usdPerUnit", "1.0842", "validFrom", "2031-01-06"),
                fields("currency", Kind.CHOICE, "usdPerUnit", Kind.AMOUNT, "validFrom", Kind.DATE));
        fuzz(ada, "/admin/regions/US", "#holiday-form", Answer.FORM, Map.of("day", "2031-03-04", "name", "Fuzz day"),
                fields("day", Kind.DATE, "name", Kind.REQUIRED_TEXT));
        fuzz(ada, "/admin/regions/US", "#launch-date-form", Answer.FORM, Map.of(), fields("launchDate", Kind.DATE));
        fuzz(ada, "/admin/specializations", "#specialization-form", Answer.FORM, Map.of("code", "FUZZ_" + letters(),
                "nameEn", "Fuzzing", "nameFr", "Fuzzing", "objectiveUsd", "250,000"), fields("code", Kind.TEXT,
                "nameEn", Kind.REQUIRED_TEXT, "nameFr", Kind.REQUIRED_TEXT, "objectiveUsd", Kind.AMOUNT));
        fuzz(ada, "/admin/specializations/INFRASTRUCTURE", "#specialization-form", Answer.FORM, Map.of(),
                fields("nameEn", Kind.REQUIRED_TEXT, "objectiveUsd", Kind.AMOUNT));
        fuzz(ada, "/admin/staff", "#staff-form", Answer.FORM, Map.of("displayName", "Fuzz Staff",
                "email", "fuzz-" + UUID.randomUUID() + "@dealreg.example"), fields("displayName", Kind.REQUIRED_TEXT,
                "email", Kind.EMAIL, "role", Kind.CHOICE, "locale", Kind.CHOICE, "timeZone", Kind.CHOICE));
        fuzz(ada, staffPageOf(f.staff), "form[action$=/" + f.staff + "/role]", Answer.REDIRECT, Map.of(),
                fields("role", Kind.CHOICE));
        importMalformedRows(ada);

        Browser sam = Browser.signedIn(port, "sam@dealreg.example", DEMO_PASSWORD);
        fuzz(sam, "/credits/new", "#direct-win-form", Answer.FORM, Map.of("amount", "25,000",
                "closedOn", LocalDate.now(ZoneId.of("America/New_York")).minusDays(1).toString()),
                fields("account", Kind.CHOICE, "amount", Kind.AMOUNT, "currency", Kind.CHOICE, "closedOn", Kind.DATE,
                        "submission", Kind.HIDDEN));

        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.printf("MalformedInputFuzzTest: %d malformed posts in %d s%n", posts, seconds);
        assertThat(failures).as("refusals that were not a message on the form (" + posts + " posts)").isEmpty();
        assertThat(rowCounts()).as("rows per table before and after the malformed posts").isEqualTo(before);
        assertThat(posts).as("malformed posts").isGreaterThanOrEqualTo(300);
    }

    /** Each spoiled variant of each listed field of the form, the other fields as rendered or as given. */
    private void fuzz(Browser browser, String page, String formSelector, Answer answer, Map<String, String> valid,
            Map<String, Kind> spoiled) {
        Document document;
        try {
            document = browser.page(page);
        } catch (AssertionError notShown) {
            failures.add(page + ": the form is not shown any more (" + notShown.getMessage().strip() + ")");
            return;
        }
        Element form = document.selectFirst(formSelector);
        if (form == null) {
            failures.add(page + ": no form " + formSelector);
            return;
        }
        List<String[]> rendered = Browser.fieldsOf(form);
        if (rendered.stream().noneMatch(field -> field[0].equals("_csrf"))) {
            // the standing form has no token of its own yet; the browser's session token is the page's
            rendered.add(new String[] {"_csrf", document.selectFirst("input[name=_csrf]").val()});
        }
        valid.forEach((name, value) -> set(rendered, name, value));
        List<String> actions = form.id().equals("standing-form")
                ? form.select("button[formaction]").eachAttr("formaction") : List.of(form.attr("action"));
        for (String action : actions) {
            spoiled.forEach((field, kind) -> {
                String good = rendered.stream().filter(f -> f[0].equals(field)).map(f -> f[1]).findFirst().orElse("");
                for (Variant variant : variants(kind, good, form, field)) {
                    List<String[]> sent = new ArrayList<>();
                    rendered.stream().filter(f -> !f[0].equals(field)).forEach(sent::add);
                    variant.values().forEach(value -> sent.add(new String[] {field, value}));
                    check(browser, action, answer, field, variant.name(), browser.post(action, sent));
                }
            });
        }
    }

    private void check(Browser browser, String action, Answer answer, String field, String variant, Browser.Response response) {
        posts++;
        String what = action + " " + field + " " + variant + ": ";
        if (response.status() >= 500) {
            failures.add(what + "answered " + response.status());
            return;
        }
        if (answer == Answer.REDIRECT) {
            if (response.status() != 302) {
                failures.add(what + "answered " + response.status() + " instead of the page with the refusal");
                return;
            }
            Document next;
            try {
                next = browser.page(URI.create(response.location()).getPath());
            } catch (AssertionError notShown) {
                failures.add(what + "redirected to " + response.location() + ", which is not shown");
                return;
            }
            if (next.selectFirst("#flash-error") == null || next.selectFirst("#flash") != null) {
                failures.add(what + "no refusal on " + response.location());
            }
            return;
        }
        if (response.status() == 302) {
            failures.add(what + "accepted: redirected to " + response.location());
            return;
        }
        if (!response.html()) {
            failures.add(what + "answered " + response.status() + " without the page");
            return;
        }
        String id = (field.startsWith("shown.") ? field.substring("shown.".length()) : field) + "-error";
        Element message = Jsoup.parse(response.body()).getElementById(id);
        if (message == null || message.text().isBlank()) {
            failures.add(what + "answered " + response.status() + " with no message on the field");
        }
    }

    record Variant(String name, List<String> values) {

        static Variant of(String name, String... values) {
            return new Variant(name, List.of(values));
        }
    }

    /** The spoiled values of a field; "good" is a valid value, which the variants spoil or repeat. */
    private static List<Variant> variants(Kind kind, String good, Element form, String field) {
        String value = good.isEmpty() ? "Valid" : good;
        List<Variant> list = new ArrayList<>(List.of(
                Variant.of("NUL", value + "\u0000"),
                Variant.of("bell and escape", "\u0001\u0007\u001b[31m" + value),
                Variant.of("DEL and C1", value + "\u007f\u0085"),
                Variant.of("sent twice", value, second(kind, value, form, field))));
        if (kind != Kind.MULTI && kind != Kind.REQUIRED_MULTI) {
            list.add(Variant.of("tab and line break", value + "\tcolumn\nline"));
        }
        if (kind == Kind.REQUIRED_TEXT || kind == Kind.REQUIRED_MULTI || kind == Kind.AMOUNT || kind == Kind.NUMBER
                || kind == Kind.EMAIL) {
            list.add(Variant.of("nothing visible", " \u200b\u200c\u2060\ufeff "));
        }
        if (kind == Kind.TEXT || kind == Kind.REQUIRED_TEXT || kind == Kind.MULTI || kind == Kind.REQUIRED_MULTI
                || kind == Kind.PASSWORD) {
            list.add(Variant.of("over-long", "x".repeat(6000)));
        }
        switch (kind) {
            case CHOICE -> list.addAll(List.of(Variant.of("not offered", "NOT_OFFERED"),
                    Variant.of("another case", isUuid(value) ? UUID.randomUUID().toString()
                            : value.toLowerCase(Locale.ROOT).equals(value) ? value.toUpperCase(Locale.ROOT)
                            : value.toLowerCase(Locale.ROOT))));
            case DATE -> list.addAll(List.of(Variant.of("no such day", "2031-02-30"), Variant.of("words", "tomorrow")));
            case AMOUNT, NUMBER -> list.addAll(List.of(Variant.of("underscores", "1_000_000"),
                    Variant.of("irregular groups", "12 0 0 0 0"), Variant.of("apostrophes", "1'000'000")));
            case EMAIL -> list.addAll(List.of(Variant.of("no dot in domain", "a@b"), Variant.of("localhost", "a@localhost")));
            case WEBSITE -> list.addAll(List.of(Variant.of("ftp", "ftp://x.example"),
                    Variant.of("javascript", "javascript:alert(1)"), Variant.of("IP address", "http://10.0.0.1")));
            case CODES -> {
                list.clear();
                list.addAll(List.of(Variant.of("NUL", value + "\u0000"), Variant.of("escape", "\u001b[31m" + value),
                        Variant.of("line break", value + "\n"), Variant.of("not offered", "NOT_OFFERED")));
            }
            default -> {
            }
        }
        return list;
    }

    /** An id is one whatever its case, so its other-case variant is an id that is not offered. */
    private static boolean isUuid(String value) {
        return value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }

    /** A second value for a field sent twice: another offered choice, or the same value again. */
    private static String second(Kind kind, String value, Element form, String field) {
        if (kind == Kind.CHOICE) {
            return form.select("select[name=" + field + "] option, input[type=radio][name=" + field + "]").eachAttr("value")
                    .stream().filter(v -> !v.isEmpty() && !v.equals(value)).findFirst().orElse(value);
        }
        if (kind == Kind.DATE) {
            return "2031-05-05";
        }
        return kind == Kind.TEXT || kind == Kind.REQUIRED_TEXT || kind == Kind.MULTI || kind == Kind.REQUIRED_MULTI
                ? "Other " + value : value;
    }

    /** One row per file, each spoiled in one cell; the import must refuse the row and name its line. */
    private void importMalformedRows(Browser ada) {
        Document page = ada.page("/admin/accounts/import");
        String token = page.selectFirst("#import-form input[name=_csrf]").val();
        String crm = "FUZZ-" + UUID.randomUUID();
        String header = "crm_id,name,country,domains,owner_email\r\n";
        List<String> rows = List.of(
                crm + ",Fuzz Account\u0000 Inc,US,fuzz-account.example,sam@dealreg.example",
                crm + "\u0000,Fuzz Account Inc,US,fuzz-account.example,sam@dealreg.example",
                crm + ",Fuzz Account Inc,US\u0000,fuzz-account.example,sam@dealreg.example",
                crm + ",\u0001\u0007\u001b[31mFuzz,US,fuzz-account.example,sam@dealreg.example",
                crm + ",\"Fuzz\nAccount\",US,fuzz-account.example,sam@dealreg.example",
                crm + ",Fuzz\tAccount,US,fuzz-account.example,sam@dealreg.example",
                crm + ",\u200b\u200c,US,fuzz-account.example,sam@dealreg.example",
                crm + ",Fuzz Account Inc,US,fuzz-account.example\u0000,sam@dealreg.example",
                crm + ",Fuzz Account Inc,US,fuzz-account.example,sam@dealreg.example\u0000",
                crm + ",Fuzz Account Inc,US,ftp://x,sam@dealreg.example",
                crm + ",Fuzz Account\u0085 Inc,US,fuzz-account.example,sam@dealreg.example",
                crm + ",Fuzz Account Inc,U\u007fS,fuzz-account.example,sam@dealreg.example");
        for (String row : rows) {
            posts++;
            Browser.Response response = ada.postFile("/admin/accounts/import", token, "file", "accounts.csv",
                    (header + row + "\r\n").getBytes(StandardCharsets.UTF_8));
            String what = "/admin/accounts/import " + row.replace("\u0000", "\\0") + ": ";
            if (response.status() >= 500 || !response.html()) {
                failures.add(what + "answered " + response.status());
                continue;
            }
            Document report = Jsoup.parse(response.body());
            Element rejected = report.selectFirst("#import-rejected tbody tr td");
            if (report.selectFirst("#import-refused") == null && (rejected == null || !rejected.text().equals("2"))) {
                failures.add(what + "the row was not refused with its line");
            }
        }
    }

    private static void set(List<String[]> fields, String name, String value) {
        fields.removeIf(f -> f[0].equals(name));
        fields.add(new String[] {name, value});
    }

    private static Map<String, Kind> fields(Object... nameThenKind) {
        Map<String, Kind> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameThenKind.length; i += 2) {
            fields.put((String) nameThenKind[i], (Kind) nameThenKind[i + 1]);
        }
        return fields;
    }

    private static String letters() {
        return UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase(Locale.ROOT) + "X";
    }

    /** Rows of every table, but those page views write; the audit trail without sign-ins and views. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : jdbc.queryForList("select tablename from pg_tables where schemaname = 'public'", String.class)) {
            if (WRITTEN_BY_PAGE_VIEWS.contains(table.toLowerCase(Locale.ROOT))
                    || SUBMISSION_TICKETS.contains(table.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String where = table.equals("audit_event") ? " where action not in " + AUDITED_PAGE_VIEWS : "";
            counts.put(table, jdbc.queryForObject("select count(*) from " + table + where, Long.class));
        }
        counts.put("registration_reservation without its registration", jdbc.queryForObject("""
                select count(*) from registration_reservation r
                where not exists (select 1 from registration g where g.id = r.registration_id)""", Long.class));
        return counts;
    }

    /** The records the forms need: a company with users, registrations in each state, an application, an invitation. */
    private Fixture fixture() throws Exception {
        PartnerView partner = partners.addActive("Fuzz Partner " + UUID.randomUUID(), "US", Tier.CERTIFIED,
                Set.of("INFRASTRUCTURE", "MANAGED_SERVICES"));
        CurrentUser partnerUser = users.newUser(Role.PARTNER_USER, partner.id());
        CurrentUser partnerAdmin = users.newUser(Role.PARTNER_ADMIN, partner.id());
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        UUID pending = registered(partnerUser);
        UUID approved = registered(partnerUser);
        review.approve(approved, version(approved), maria.id());
        UUID extended = registered(partnerUser);
        review.approve(extended, version(extended), maria.id());
        mvc.perform(post("/deals/{id}/extension", extended).param("version", String.valueOf(version(extended)))
                .param("reason", "The customer's board meets next month.").with(csrf()).with(user(partnerUser)));
        String applicant = "fuzz-" + UUID.randomUUID() + "@applicant.example";
        mvc.perform(post("/apply").param("legalName", "Fuzz Applicant " + UUID.randomUUID()).param("country", "US")
                .param("contactName", "Jane Applicant").param("contactEmail", applicant).with(csrf()));
        UUID application = jdbc.queryForObject("select id from partner_application where lower(contact_email) = ?",
                UUID.class, applicant);
        String colleague = "fuzz-" + UUID.randomUUID() + "@colleague.example";
        mvc.perform(post("/team/invite").param("displayName", "Fuzz Colleague").param("email", colleague)
                .param("role", "PARTNER_USER").with(csrf()).with(user(partnerAdmin)));
        CurrentUser staff = users.newUser(Role.SALES_REP, null);
        return new Fixture(partner, partnerUser, partnerAdmin, pending, approved, extended, application,
                InvitationLinks.latestFor(jdbc, colleague), staff.id());
    }

    /** The page of the staff list that holds this account: 50 a page, by name then e-mail (docs/lists.md). */
    private String staffPageOf(UUID staff) {
        long before = jdbc.queryForObject("""
                select count(*) from app_user u, app_user s where s.id = ? and u.partner_id is null
                   and (lower(u.display_name), lower(u.email)) < (lower(s.display_name), lower(s.email))""",
                Long.class, staff);
        return "/admin/staff?page=" + before / 50;
    }

    private UUID registered(CurrentUser partnerUser) throws Exception {
        String location = DealRegistrationTestSupport.submitAs(mvc, partnerUser);
        assertThat(location).as("a registration for the fixture").startsWith("/deals/");
        return UUID.fromString(location.substring("/deals/".length()));
    }

    private int version(UUID registration) {
        return jdbc.queryForObject("select version from registration where id = ?", Integer.class, registration);
    }

    private record Fixture(PartnerView partner, CurrentUser partnerUser, CurrentUser partnerAdmin, UUID pending,
            UUID approved, UUID extended, UUID application, String invitation, UUID staff) {
    }

    /** A browser without JavaScript: cookies, no redirects followed, forms posted as url-encoded or multipart. */
    static final class Browser {

        record Response(int status, String body, String location, String contentType) {

            boolean html() {
                return contentType.startsWith("text/html") && body.contains("<html");
            }
        }

        private final String base;
        private final HttpClient http;

        private Browser(int port) {
            this.base = "http://localhost:" + port;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        static Browser anonymous(int port) {
            return new Browser(port);
        }

        static Browser signedIn(int port, String email, String password) {
            Browser browser = new Browser(port);
            Document login = browser.page("/login");
            List<String[]> fields = fieldsOf(login.selectFirst("#login-form"));
            set(fields, "email", email);
            set(fields, "password", password);
            Response response = browser.post("/login", fields);
            assertThat(response.location()).as("signed in as " + email).doesNotContain("error");
            return browser;
        }

        Document page(String path) {
            Response response = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
            assertThat(response.status()).as("GET " + path).isEqualTo(200);
            return Jsoup.parse(response.body(), base + path);
        }

        Response post(String path, List<String[]> fields) {
            String body = fields.stream().map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(f[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        Response postFile(String path, String csrfToken, String field, String fileName, byte[] content) {
            String boundary = "----fuzz" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken
                    + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        }

        /** The fields a browser would send: named inputs, the chosen option of each select, textareas, ticked boxes. */
        static List<String[]> fieldsOf(Element form) {
            List<String[]> fields = new ArrayList<>();
            for (Element e : form.select("input[name], select[name], textarea[name]")) {
                String name = e.attr("name");
                switch (e.tagName()) {
                    case "select" -> {
                        Element chosen = e.selectFirst("option[selected]");
                        chosen = chosen != null ? chosen : e.selectFirst("option");
                        fields.add(new String[] {name, chosen == null ? "" : chosen.attr("value")});
                    }
                    case "textarea" -> fields.add(new String[] {name, e.val()});
                    default -> {
                        String type = e.attr("type").toLowerCase(Locale.ROOT);
                        if ((type.equals("checkbox") || type.equals("radio")) && !e.hasAttr("checked")
                                || type.equals("submit") || type.equals("button") || type.equals("file")) {
                            continue;
                        }
                        fields.add(new String[] {name, e.val()});
                    }
                }
            }
            return fields;
        }

        private Response send(HttpRequest request) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.body(),
                        response.headers().firstValue("Location").orElse(""),
                        response.headers().firstValue("Content-Type").orElse(""));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
