package org.dealreg.credits.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.accounts.AccountBook;
import org.dealreg.conflicts.ConflictReport;
import org.dealreg.conflicts.ConflictReports;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.partners.PartnerView;
import org.dealreg.program.ExchangeRates;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.dealreg.registration.ManagerReview;
import org.dealreg.registration.RegistrationClosed;
import org.dealreg.registration.RegistrationStatus;
import org.dealreg.registration.internal.DealRegistrationTest;
import org.dealreg.registration.internal.DealRegistrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reps' credit ledger (DESIGN.md §8): a partner's won close credits the owner of the account its conflict report
 * tied it to, once; a rep records their own wins on their own accounts; "My credits" totals the fiscal quarter and
 * year and shows nothing of a partner's registration but the account, the amount and the day.
 */
@IntegrationTest
class RepCreditsTest {

    /** TestUsers gives every user this zone; the rep's "today" is counted in it. */
    private static final ZoneId REP_ZONE = ZoneId.of("America/New_York");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired AccountBook book;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationEventPublisher events;
    @Autowired ConflictReports reports;
    @Autowired ExchangeRates rates;
    @Autowired ProgramSettings settings;
    @Autowired ManagerReview review;

    record Account(UUID id, String crmId, String name, String domain) {
    }

    // --- a partner's close

    @Test
    void aWonCloseTiedToAnAccountCreditsItsCurrentOwnerOnceEvenWhenDeliveredTwice() throws Exception {
        CurrentUser ownerAtSubmission = rep();
        CurrentUser ownerNow = rep();
        Account account = account(ownerAtSubmission);
        UUID registration = registerFor(account, new HashMap<>());
        book.upsert(account.crmId(), account.name(), "US", Set.of(account.domain()), ownerNow.id());

        RegistrationClosed won = won(registration, new BigDecimal("93000.00"), "EUR", new BigDecimal("100440.00"),
                today().minusDays(2));
        close(registration, won);
        close(registration, won);

        List<Map<String, Object>> credits = jdbc.queryForList("select * from rep_credit where registration_id = ?",
                registration);
        assertThat(credits).hasSize(1);
        Map<String, Object> credit = credits.get(0);
        assertThat(credit.get("rep_id")).as("the owner when it closed, not at submission").isEqualTo(ownerNow.id());
        assertThat(credit.get("account_id")).isEqualTo(account.id());
        assertThat(credit.get("source")).isEqualTo("PARTNER");
        assertThat((BigDecimal) credit.get("amount")).isEqualByComparingTo("93000.00");
        assertThat(credit.get("currency")).isEqualTo("EUR");
        assertThat((BigDecimal) credit.get("amount_usd")).isEqualByComparingTo("100440.00");
        assertThat(credit.get("closed_on")).isEqualTo(java.sql.Date.valueOf(today().minusDays(2)));
        assertThat(credit.get("recorded_by")).isNull();
        assertThat(creditCount(ownerAtSubmission)).isZero();

        List<Map<String, Object>> trail = jdbc.queryForList(
                "select actor_id, details from audit_event where action = 'REP_CREDITED' and subject_id = ?",
                credit.get("id").toString());
        assertThat(trail).as("one trail row for one credit").hasSize(1);
        assertThat(trail.get(0).get("actor_id")).isNull();
        assertThat((String) trail.get(0).get("details")).contains("rep=" + ownerNow.id()).contains("source=PARTNER")
                .contains("amountUsd=100440.00").contains("registration=" + registration);
    }

    @Test
    void aWonCloseTiedToNoAccountOrOnlyToASimilarNameCreditsNobody() throws Exception {
        CurrentUser rep = rep();
        UUID untied = registerFor(null, new HashMap<>());

        String token = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        UUID similar = book.upsert("CRM-" + UUID.randomUUID(), token + " Turbine Works", "US", Set.of(), rep.id());
        book.engage(similar, rep.id(), today());
        Map<String, String> lookalike = new HashMap<>();
        lookalike.put("customerName", token + " Turbine Work");
        lookalike.put("customerWebsite", "");
        lookalike.put("contactEmail", "buyer@" + token.toLowerCase(Locale.ROOT) + "-elsewhere.example");
        UUID guessed = registerFor(null, lookalike);
        assertThat(reports.find(guessed).orElseThrow().matches())
                .as("the report does name the account, as a similar name")
                .extracting(ConflictReport.Match::kind, ConflictReport.Match::accountId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ACCOUNT_SIMILAR_NAME", similar));

        close(untied, won(untied, new BigDecimal("120000.00"), "USD", new BigDecimal("120000.00"), today()));
        close(guessed, won(guessed, new BigDecimal("120000.00"), "USD", new BigDecimal("120000.00"), today()));

        assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, untied))
                .as("the close itself went through").isEqualTo("WON");
        assertThat(jdbc.queryForObject("select count(*) from rep_credit where registration_id in (?, ?)", Long.class,
                untied, guessed)).isZero();
        assertThat(creditCount(rep)).isZero();
    }

    @Test
    void aLostCloseCreditsNobody() throws Exception {
        CurrentUser rep = rep();
        UUID registration = registerFor(account(rep), new HashMap<>());

        close(registration, new RegistrationClosed(registration, receipt(registration), partnerOf(registration),
                RegistrationStatus.LOST, null, null, null, today(), UUID.randomUUID(), java.time.Instant.now()));

        assertThat(jdbc.queryForObject("select count(*) from rep_credit where registration_id = ?", Long.class,
                registration)).isZero();
        assertThat(creditCount(rep)).isZero();
    }

    @Test
    void myCreditsShowsAPartnersWinAsAccountAmountAndDayAndNothingThePartnerTyped() throws Exception {
        CurrentUser rep = rep();
        Account account = account(rep);
        String sentinel = "SENTINEL" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String phone = "+1 (555) " + (1_000_000_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 8_999_999_999L));
        Map<String, String> typed = new HashMap<>();
        typed.put("customerWebsite", "https://www." + account.domain() + "/" + sentinel + "-path");
        typed.put("contactEmail", sentinel.toLowerCase(Locale.ROOT) + "@" + account.domain());
        typed.put("customerCity", sentinel + " city");
        typed.put("contactName", sentinel + " contact");
        typed.put("contactPhone", phone);
        typed.put("title", sentinel + " title");
        typed.put("description", sentinel + " description");
        typed.put("competitors", sentinel + " competitors");
        PartnerView partner = users.newPartner("US");
        UUID registration = register(partner, account, typed);
        closeWonThroughThePortal(registration, "120000.00", today());

        String page = page(get("/credits"), rep);

        assertThat(page).contains(account.name()).contains("$120,000.00").contains("Through a partner")
                .contains(mediumDate(today()));
        assertThat(page).doesNotContain(sentinel).doesNotContain(sentinel.toLowerCase(Locale.ROOT))
                .doesNotContain(phone).doesNotContain(phone.replaceAll("\\D", "").substring(1))
                .doesNotContain(receipt(registration)).doesNotContain(partner.legalName())
                .doesNotContain(registration.toString());
    }

    // --- the rep's own wins

    @Test
    void aRepRecordsADirectWinOnTheirOwnAccountValuedAtTheRateOfItsCloseDay() throws Exception {
        CurrentUser rep = rep();
        Account own = account(rep);
        Account someoneElses = account(rep());
        LocalDate closedOn = today().minusDays(10);

        String form = page(get("/credits/new"), rep);
        assertThat(form).contains(own.name()).doesNotContain(someoneElses.name());
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"submission\" value=\"([0-9a-f-]{36})\"")
                .matcher(form);
        assertThat(token.find()).as("the form carries its submission id").isTrue();
        MockHttpServletRequestBuilder win = post("/credits/new").with(csrf()).param("account", own.id().toString())
                .param("amount", "80 000,50").param("currency", "EUR").param("closedOn", closedOn.toString())
                .param("submission", token.group(1));
        MockHttpServletResponse recorded = call(win, rep);
        MockHttpServletResponse twice = call(win, rep);

        assertThat(recorded.getStatus()).isEqualTo(302);
        assertThat(recorded.getRedirectedUrl()).isEqualTo("/credits");
        assertThat(twice.getStatus()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from rep_credit where rep_id = ?", Integer.class, rep.id()))
                .as("the same form sent twice is one credit").isEqualTo(1);
        Map<String, Object> credit = jdbc.queryForMap("select * from rep_credit where rep_id = ?", rep.id());
        BigDecimal rate = rates.usdPerUnit("EUR", closedOn).orElseThrow();
        assertThat(credit.get("source")).isEqualTo("DIRECT");
        assertThat(credit.get("account_id")).isEqualTo(own.id());
        assertThat((BigDecimal) credit.get("amount")).isEqualByComparingTo("80000.50");
        assertThat(credit.get("currency")).isEqualTo("EUR");
        assertThat((BigDecimal) credit.get("amount_usd"))
                .isEqualByComparingTo(new BigDecimal("80000.50").multiply(rate).setScale(2, RoundingMode.HALF_EVEN));
        assertThat(credit.get("closed_on")).isEqualTo(java.sql.Date.valueOf(closedOn));
        assertThat(credit.get("recorded_by")).isEqualTo(rep.id());
        assertThat(credit.get("registration_id")).isNull();
        assertThat(jdbc.queryForObject("select actor_id from audit_event where action = 'REP_CREDITED' and subject_id = ?",
                UUID.class, credit.get("id").toString())).isEqualTo(rep.id());

        String list = page(get("/credits"), rep);
        assertThat(list).contains(own.name()).contains("€80,000.50").contains("Direct");
        assertThat(page(get("/credits"), rep())).as("another rep's page").doesNotContain(own.name());
    }

    @Test
    void aWinOnAnAccountTheRepDoesNotOwnOrThatDoesNotExistIsRefusedAndNothingIsStored() throws Exception {
        CurrentUser rep = rep();
        CurrentUser otherRep = rep();
        Account someoneElses = account(otherRep);

        for (String forged : new String[] {someoneElses.id().toString(), UUID.randomUUID().toString(), "1 or 1=1"}) {
            String page = refused(rep, Map.of("account", forged, "amount", "50000", "currency", "USD",
                    "closedOn", today().toString()));
            assertThat(page).as(forged).contains("Choose one of your own accounts.")
                    .doesNotContain(someoneElses.name());
        }
        assertThat(creditCount(rep)).isZero();
        assertThat(creditCount(otherRep)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from rep_credit where account_id = ?", Long.class,
                someoneElses.id())).isZero();
    }

    @Test
    void badAmountsAndCloseDaysAreRefusedOnTheirFieldAndNothingIsStored() throws Exception {
        CurrentUser rep = rep();
        String own = account(rep).id().toString();
        Map<String, String> valid = Map.of("account", own, "amount", "50000", "currency", "USD",
                "closedOn", today().toString());

        assertThat(refused(rep, with(valid, "amount", "fifty thousand"))).contains("Enter an amount such as");
        assertThat(refused(rep, with(valid, "amount", "50000.123"))).contains("at most two decimals");
        assertThat(refused(rep, with(valid, "amount", "0"))).contains("The amount must be above zero.");
        assertThat(refused(rep, with(valid, "amount", ""))).contains("This field is required.");
        assertThat(refused(rep, with(valid, "currency", "GBP"))).contains("Choose US dollars (USD) or euros (EUR).");
        assertThat(refused(rep, with(valid, "closedOn", today().plusDays(1).toString())))
                .contains("The close date cannot be after today.");
        assertThat(refused(rep, with(valid, "closedOn", today().minusYears(1).minusDays(1).toString())))
                .contains("A direct win is recorded within a year of its close");
        assertThat(refused(rep, with(valid, "closedOn", "yesterday"))).contains("This value is not valid.");
        String everything = refused(rep, Map.of("account", UUID.randomUUID().toString(), "amount", "-1",
                "currency", "USD", "closedOn", today().plusDays(3).toString()));
        assertThat(everything).as("every broken rule at once").contains("Choose one of your own accounts.")
                .contains("The amount must be above zero.").contains("The close date cannot be after today.");
        assertThat(creditCount(rep)).isZero();
    }

    @Test
    void onlySalesRepsHaveCredits() throws Exception {
        for (String email : new String[] {"bob@northwind.example", "alice@northwind.example", "maria@dealreg.example",
                "ada@dealreg.example"}) {
            CurrentUser user = users.byEmail(email);
            assertThat(call(get("/credits"), user).getStatus()).as(email).isEqualTo(403);
            assertThat(call(get("/credits/new"), user).getStatus()).as(email).isEqualTo(403);
            assertThat(call(post("/credits/new").with(csrf()).param("account", UUID.randomUUID().toString()), user)
                    .getStatus()).as(email).isEqualTo(403);
        }
        CurrentUser sam = users.byEmail("sam@dealreg.example");
        assertThat(page(get("/"), sam)).contains("href=\"/credits\"");
        assertThat(page(get("/"), users.byEmail("maria@dealreg.example"))).doesNotContain("href=\"/credits\"");
    }

    // --- the totals

    @Test
    void theTotalsCountTheCreditsClosedInTheCurrentFiscalQuarterAndYearBySource() throws Exception {
        CurrentUser rep = rep();
        Account account = account(rep);
        LocalDate today = today();
        LocalDate quarterStart = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        LocalDate yearStart = LocalDate.of(today.getYear(), 1, 1);
        direct(rep, account, "1000.00", today);
        direct(rep, account, "200.00", quarterStart.minusDays(1));
        direct(rep, account, "30.00", yearStart.minusDays(1));
        UUID inQuarter = registerFor(account, new HashMap<>());
        close(inQuarter, won(inQuarter, new BigDecimal("40000.00"), "USD", new BigDecimal("40000.00"), quarterStart));
        UUID lastYear = registerFor(account, new HashMap<>());
        close(lastYear, won(lastYear, new BigDecimal("5000.00"), "USD", new BigDecimal("5000.00"), yearStart.minusDays(1)));
        // the day before the quarter is in the year, unless the quarter is the year's first
        String yearDirect = quarterStart.equals(yearStart) ? "$1,000.00" : "$1,200.00";
        String yearOverall = quarterStart.equals(yearStart) ? "$41,000.00" : "$41,200.00";

        String page = page(get("/credits"), rep);

        assertThat(totals(page, "totals-direct")).containsExactly("$1,000.00", yearDirect);
        assertThat(totals(page, "totals-partner")).containsExactly("$40,000.00", "$40,000.00");
        assertThat(totals(page, "totals-overall")).containsExactly("$41,000.00", yearOverall);
        assertThat(page).contains(mediumDate(quarterStart) + " to " + mediumDate(quarterStart.plusMonths(3).minusDays(1)))
                .contains(mediumDate(yearStart) + " to " + mediumDate(LocalDate.of(today.getYear(), 12, 31)));
        assertThat(page).as("older credits are still listed").contains("$5,000.00").contains("$30.00");
    }

    @Test
    void theFiscalYearStartsInTheMonthTheProgrammeSets() throws Exception {
        CurrentUser rep = rep();
        Account account = account(rep);
        LocalDate today = today();
        LocalDate firstOfMonth = today.withDayOfMonth(1);
        direct(rep, account, "700.00", today);
        direct(rep, account, "60.00", firstOfMonth);
        direct(rep, account, "5.00", firstOfMonth.minusDays(1));
        String before = settings.value(Setting.FISCAL_YEAR_START_MONTH);
        settings.change(Setting.FISCAL_YEAR_START_MONTH, String.valueOf(today.getMonthValue()));
        try {
            String page = page(get("/credits"), rep);

            assertThat(totals(page, "totals-direct")).as("the day before this month is last fiscal year")
                    .containsExactly("$760.00", "$760.00");
            assertThat(totals(page, "totals-overall")).containsExactly("$760.00", "$760.00");
            assertThat(page).contains(mediumDate(firstOfMonth) + " to "
                    + mediumDate(firstOfMonth.plusYears(1).minusDays(1)));
        } finally {
            settings.change(Setting.FISCAL_YEAR_START_MONTH, before);
        }
    }

    // --- helpers

    private CurrentUser rep() {
        return users.newUser(Role.SALES_REP, null);
    }

    /** The rep's today, in the zone TestUsers gives them. */
    private static LocalDate today() {
        return LocalDate.now(REP_ZONE);
    }

    private Account account(CurrentUser owner) {
        String company = "Credit" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String domain = company.toLowerCase(Locale.ROOT) + ".example";
        String crmId = "CRM-" + UUID.randomUUID();
        UUID id = book.upsert(crmId, company + " Systems Inc.", "US", Set.of(domain), owner.id());
        return new Account(id, crmId, company + " Systems Inc.", domain);
    }

    /** A registration by a new partner through the real form, for the account's customer (or a new one when null). */
    private UUID registerFor(Account account, Map<String, String> fields) throws Exception {
        return register(users.newPartner("US"), account, fields);
    }

    private UUID register(PartnerView partner, Account account, Map<String, String> fields) throws Exception {
        Map<String, String> deal = new HashMap<>(DealRegistrationTest.validDeal());
        if (account != null) {
            deal.put("customerName", account.name());
            deal.put("customerWebsite", account.domain());
            deal.put("contactEmail", "buyer@" + account.domain());
        }
        deal.putAll(fields);
        return DealRegistrationTestSupport.submitted(mvc, users.newPartnerUser(partner), deal);
    }

    private RegistrationClosed won(UUID registration, BigDecimal amount, String currency, BigDecimal amountUsd,
            LocalDate closedOn) {
        return new RegistrationClosed(registration, receipt(registration), partnerOf(registration),
                RegistrationStatus.WON, amount, currency, amountUsd, closedOn, UUID.randomUUID(), java.time.Instant.now());
    }

    /**
     * What the partner's close does, as far as the ledger sees it: the status changes and the event is published in
     * one transaction. Lets a test choose any close day (the portal refuses one before the submission) and deliver
     * the event twice.
     */
    private void close(UUID registration, RegistrationClosed closed) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("update registration set status = ?, closed_on = ?, won_amount = ?, won_currency = ?, "
                    + "won_amount_usd = ? where id = ?", closed.outcome().name(), java.sql.Date.valueOf(closed.closedOn()),
                    closed.amount(), closed.currency(), closed.amountUsd(), registration);
            events.publishEvent(closed);
        });
    }

    /** The whole way: Maria approves, the partner user who registered it closes it as won on the close page. */
    private void closeWonThroughThePortal(UUID registration, String amount, LocalDate on) throws Exception {
        review.approve(registration, version(registration), users.byEmail("maria@dealreg.example").id());
        CurrentUser submitter = users.byEmail(jdbc.queryForObject(
                "select u.email from app_user u join registration r on r.submitted_by = u.id where r.id = ?",
                String.class, registration));
        MockHttpServletResponse closed = call(post("/deals/{id}/close", registration).with(csrf())
                .param("outcome", "WON").param("version", String.valueOf(version(registration))).param("amount", amount)
                .param("currency", "USD").param("closedOn", on.toString()), submitter);
        assertThat(closed.getStatus()).as("closed").isEqualTo(302);
        assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, registration))
                .isEqualTo("WON");
    }

    private int version(UUID registration) {
        return jdbc.queryForObject("select version from registration where id = ?", Integer.class, registration);
    }

    private void direct(CurrentUser rep, Account account, String amountUsd, LocalDate closedOn) {
        jdbc.update("""
                insert into rep_credit (id, rep_id, account_id, source, amount, currency, amount_usd, closed_on, recorded_by)
                values (?, ?, ?, 'DIRECT', ?, 'USD', ?, ?, ?)""", UUID.randomUUID(), rep.id(), account.id(),
                new BigDecimal(amountUsd), new BigDecimal(amountUsd), java.sql.Date.valueOf(closedOn), rep.id());
    }

    private String receipt(UUID registration) {
        return jdbc.queryForObject("select receipt_number from registration where id = ?", String.class, registration);
    }

    private UUID partnerOf(UUID registration) {
        return jdbc.queryForObject("select partner_id from registration where id = ?", UUID.class, registration);
    }

    private long creditCount(CurrentUser rep) {
        return jdbc.queryForObject("select count(*) from rep_credit where rep_id = ?", Long.class, rep.id());
    }

    private static Map<String, String> with(Map<String, String> form, String field, String value) {
        Map<String, String> changed = new HashMap<>(form);
        changed.put(field, value);
        return changed;
    }

    /** Posts the direct-win form and answers the page shown again (200, not a redirect). */
    private String refused(CurrentUser rep, Map<String, String> form) throws Exception {
        MockHttpServletRequestBuilder request = post("/credits/new").with(csrf());
        form.forEach(request::param);
        MockHttpServletResponse response = call(request, rep);
        assertThat(response.getStatus()).as("refused: " + form).isEqualTo(200);
        String page = response.getContentAsString();
        assertThat(page).contains("id=\"form-errors\"");
        return page;
    }

    /** The two amounts (quarter, year) of a totals row. */
    private static List<String> totals(String page, String rowId) {
        Matcher row = Pattern.compile("<tr id=\"" + rowId + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(row.find()).as(rowId).isTrue();
        Matcher cell = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row.group(1));
        List<String> values = new ArrayList<>();
        while (cell.find()) {
            values.add(cell.group(1).strip());
        }
        return values;
    }

    private static String mediumDate(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH).format(day);
    }

    private String page(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
        MockHttpServletResponse response = call(request, user);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
        return mvc.perform(request.with(user(user))).andReturn().getResponse();
    }
}
