package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.crypto.FieldCipher;
import org.dealreg.identity.CurrentUser;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.dealreg.registration.RegistrationSubmitted;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
@RecordApplicationEvents
public class DealRegistrationTest {

    static final String[] ENCRYPTED = {"customer_name", "customer_website", "customer_city", "contact_name",
            "contact_email", "contact_phone", "title", "description", "competitors"};

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestUsers users;
    @Autowired FieldCipher cipher;
    @Autowired ProgramSettings settings;
    @Autowired ApplicationEvents events;

    @Test
    void aPartnerRegistersADealAndSeesItAwaitingTheDecisionWithItsDueTime() throws Exception {
        CurrentUser bob = users.byEmail("bob@northwind.example");
        UUID id = submit(bob, validDeal());

        Map<String, Object> row = jdbc.queryForMap("select * from registration where id = ?", id);
        assertThat(row.get("status")).isEqualTo("SUBMITTED");
        assertThat(row.get("partner_id")).isEqualTo(bob.partnerId());
        assertThat(row.get("submitted_by")).isEqualTo(bob.id());
        assertThat((String) row.get("receipt_number")).matches("DR-\\d{4}-\\d{6}");
        assertThat((BigDecimal) row.get("amount_usd")).isEqualByComparingTo("120000.00");
        Duration window = Duration.between(((Timestamp) row.get("submitted_at")).toInstant(),
                ((Timestamp) row.get("decision_due_at")).toInstant());
        assertThat(window).isEqualTo(Duration.ofHours(24));

        assertThat(events.stream(RegistrationSubmitted.class)).singleElement().satisfies(event -> {
            assertThat(event.registrationId()).isEqualTo(id);
            assertThat(event.partnerId()).isEqualTo(bob.partnerId());
            assertThat(event.receiptNumber()).isEqualTo(row.get("receipt_number"));
            assertThat(event.decisionDueAt()).isEqualTo(((Timestamp) row.get("decision_due_at")).toInstant());
        });

        String page = page(get("/deals/" + id), bob);
        assertThat(page).contains((String) row.get("receipt_number"))
                .contains("Awaiting decision")
                .contains("Decision due by")
                .contains("data-due=\"" + ((Timestamp) row.get("decision_due_at")).toInstant() + "\"")
                .contains("Data centre refresh")
                .contains("$120,000.00");
    }

    @Test
    void whatThePartnerTypedIsCiphertextAtRest() throws Exception {
        CurrentUser bob = users.byEmail("bob@northwind.example");
        String sentinel = "SENTINEL-" + UUID.randomUUID();
        Map<String, String> deal = validDeal();
        for (String field : List.of("customerName", "customerCity", "contactName", "contactPhone", "title",
                "description", "competitors")) {
            deal.put(field, field.equals("contactPhone") ? "+1 555 0199" : sentinel + " " + field);
        }
        deal.put("contactEmail", "sentinel-" + sentinel.substring(9, 17) + "@sentinel.example");
        UUID id = submit(bob, deal);

        Map<String, Object> row = jdbc.queryForMap("select * from registration where id = ?", id);
        for (String column : ENCRYPTED) {
            String raw = (String) row.get(column);
            assertThat(raw).as(column).startsWith("v1:").doesNotContain(sentinel).doesNotContain("sentinel.example")
                    .doesNotContain("+1 555 0199");
        }
        assertThat(cipher.decrypt((String) row.get("title"))).isEqualTo(sentinel + " title");
        assertThat(row.get("customer_country")).isEqualTo("US");
        assertThat((String) row.get("customer_domain_index")).matches("[0-9a-f]{64}");
        assertThat((String) row.get("customer_name_index")).matches("[0-9a-f]{64}");
        Long plaintextAnywhere = jdbc.queryForObject(
                "select count(*) from registration r where r::text like ?", Long.class, "%" + sentinel + "%");
        assertThat(plaintextAnywhere).isZero();
    }

    /** The edge's rule per field: line breaks are kept where the form offers several lines, refused elsewhere. */
    @Test
    void aDescriptionKeepsItsLinesAndATitleWithALineBreakIsRefusedOnItsField() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        Map<String, String> deal = validDeal();
        deal.put("description", "Forty racks.\r\nThree years of support.");
        UUID id = submit(bob, deal);
        String stored = jdbc.queryForObject("select description from registration where id = ?", String.class, id);
        assertThat(cipher.decrypt(stored)).isEqualToNormalizingNewlines("Forty racks.\nThree years of support.");

        Map<String, String> broken = validDeal();
        broken.put("title", "Data centre\nrefresh");
        String refused = mvc.perform(post("/deals").params(params(broken)).with(csrf()).with(user(bob))).andReturn()
                .getResponse().getContentAsString();
        assertThat(refused).contains("id=\"title\"").containsPattern("is-invalid[^>]*id=\"title\"|id=\"title\"[^>]*is-invalid");
        assertThat(refused).as("an error summary linking the field, the field marked invalid for screen readers")
                .contains("id=\"error-summary\"").contains("href=\"#title\"")
                .containsPattern("id=\"title\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"title\"")
                .containsPattern("id=\"customerName\"[^>]*aria-invalid=\"false\"|aria-invalid=\"false\"[^>]*id=\"customerName\"")
                .contains("id=\"skip-link\"").contains("<main class=\"container pb-5\" id=\"main\"");
    }

    @Test
    void theListSortsByAmountStatusOrSubmissionAndKeepsItsOrderInItsLinks() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        List<String> receipts = new java.util.ArrayList<>();
        for (String amount : List.of("150000", "90000", "120000")) {
            Map<String, String> deal = validDeal();
            deal.put("amount", amount);
            UUID id = submit(bob, deal);
            receipts.add(jdbc.queryForObject("select receipt_number from registration where id = ?", String.class, id));
        }
        assertThat(receiptsIn(page(get("/deals"), bob))).as("newest first by default")
                .containsExactly(receipts.get(2), receipts.get(1), receipts.get(0));
        String byAmount = page(get("/deals").param("sort", "amount").param("dir", "asc"), bob);
        assertThat(receiptsIn(byAmount)).containsExactly(receipts.get(1), receipts.get(2), receipts.get(0));
        assertThat(byAmount).contains("aria-sort=\"ascending\"")
                .as("the header offers the other way").contains("/deals?sort=amount&amp;dir=desc")
                .as("the filter keeps the order").contains("name=\"sort\" value=\"amount\"");
        assertThat(receiptsIn(page(get("/deals").param("sort", "amount").param("dir", "desc"), bob)))
                .containsExactly(receipts.get(0), receipts.get(2), receipts.get(1));
        assertThat(receiptsIn(page(get("/deals").param("sort", "nonsense"), bob))).as("an unknown order is the default")
                .containsExactly(receipts.get(2), receipts.get(1), receipts.get(0));
    }

    @Test
    void aSearchFindsTheCompanysRegistrationsByWholeCustomerNameDomainOrReceiptAndNeverAnotherCompanys()
            throws Exception {
        var company = users.newPartner("US");
        CurrentUser bob = users.newPartnerUser(company);
        CurrentUser bobsColleague = users.newPartnerUser(company);
        CurrentUser eve = users.newPartnerUser(users.newPartner("US"));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> globex = validDeal();
        globex.put("customerName", "Gl\u00f6bex" + tag + " Corporation");
        globex.put("customerWebsite", "https://www.globex" + tag + ".example/about");
        globex.put("contactEmail", "jane@gmail.com");
        UUID bobsGlobex = submit(bob, globex);
        Map<String, String> french = validDeal();
        french.put("customerCountry", "FR");
        UUID bobsFrench = submit(bobsColleague, french);
        UUID bobsOther = submit(bob, validDeal());
        Map<String, String> evesGlobex = validDeal();
        evesGlobex.put("customerName", "Globex" + tag + " Corporation");
        evesGlobex.put("customerCountry", "CA");
        evesGlobex.put("customerWebsite", "");
        evesGlobex.put("contactEmail", "jane@gmail.com");
        UUID evesId = submit(eve, evesGlobex);

        String byName = page(get("/deals").param("q", "  GLOBEX" + tag + "   inc. "), bob);
        assertThat(receiptsIn(byName)).as("the whole name as the conflict check reads it: accents, case, legal form")
                .containsExactly(receipt(bobsGlobex));
        assertThat(byName).contains("Registrations: 1").contains("Gl\u00f6bex" + tag + " Corporation")
                .contains("/deals/export?format=csv&amp;q=GLOBEX" + tag + "%20inc.")
                .contains("value=\"GLOBEX" + tag + " inc.\"");
        assertThat(receiptsIn(page(get("/deals").param("q", "globex" + tag + ".example"), bob)))
                .as("by web domain").containsExactly(receipt(bobsGlobex));
        assertThat(receiptsIn(page(get("/deals").param("q", "globex" + tag), eve)))
                .as("the other company finds its own only").containsExactly(receipt(evesId));
        String frenchName = french.get("customerName");
        assertThat(receiptsIn(page(get("/deals").param("q", frenchName), bob))).as("in any country, by a colleague's")
                .containsExactly(receipt(bobsFrench));
        assertThat(receiptsIn(page(get("/deals").param("q", frenchName), eve)))
                .as("another company's customer is not found by its name").isEmpty();
        assertThat(receiptsIn(page(get("/deals").param("q", receipt(evesId)), bob)))
                .as("nor by its receipt number").isEmpty();
        String digits = receipt(bobsOther).substring(receipt(bobsOther).length() - 6);
        assertThat(receiptsIn(page(get("/deals").param("q", digits), bob))).as("part of a receipt number")
                .containsExactly(receipt(bobsOther));
        assertThat(receiptsIn(page(get("/deals").param("q", "globex"), bob)))
                .as("part of a name is not searched: names are encrypted, only the whole name has an index").isEmpty();
        assertThat(page(get("/deals").param("q", "nothing like it " + tag), bob))
                .contains("Nothing matches this search.");

        MockHttpServletResponse csv = mvc.perform(get("/deals/export").param("format", "csv")
                .param("q", "globex" + tag).with(user(bob))).andReturn().getResponse();
        List<String> lines = csv.getContentAsString(java.nio.charset.StandardCharsets.UTF_8).lines().skip(1).toList();
        assertThat(lines).as("the export holds what the search shows").hasSize(1);
        assertThat(lines.get(0)).startsWith(receipt(bobsGlobex));

        for (String odd : List.of("x".repeat(10_000), "%", "_", "\\", "' or 1=1 --")) {
            MockHttpServletResponse response = mvc.perform(get("/deals").param("q", odd).param("sort", "amount' --")
                    .param("dir", odd).with(user(bob))).andReturn().getResponse();
            assertThat(response.getStatus()).as(odd).isEqualTo(200);
            assertThat(receiptsIn(response.getContentAsString())).as(odd).isEmpty();
        }
        assertThat(mvc.perform(get("/deals").param("q", "globex\u0000").with(user(bob))).andReturn().getResponse()
                .getStatus()).as("a control character is refused, as in every field of the portal").isEqualTo(400);
    }

    private String receipt(UUID id) {
        return jdbc.queryForObject("select receipt_number from registration where id = ?", String.class, id);
    }

    private static List<String> receiptsIn(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(">(DR-\\d{4}-\\d{6})<").matcher(page);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void theCountryListStartsWithThePartnersOwnCountry() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        String form = page(get("/deals/new"), bob);
        String select = form.substring(form.indexOf("id=\"customerCountry\""));
        assertThat(select.indexOf("value=\"US\"")).as("the partner's country first")
                .isLessThan(select.indexOf("value=\"AF\""));
        assertThat(select.substring(0, select.indexOf("</select>")).split("value=\"US\"").length - 1).isOne();
    }

    @Test
    void theSameCustomerWrittenDifferentlyHasTheSameBlindIndexes() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        CurrentUser other = users.newPartnerUser(users.newPartner("US"));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> first = validDeal();
        first.put("customerName", "Umbrella" + tag + " Corp.");
        first.put("customerWebsite", "https://www.umbrella" + tag + ".example/about");
        Map<String, String> second = validDeal();
        second.put("customerName", "umbrella" + tag + " corporation");
        second.put("customerWebsite", "");
        second.put("contactEmail", "buyer@Umbrella" + tag + ".example");
        UUID a = submit(bob, first);
        UUID b = submit(other, second);

        Map<String, Object> ra = jdbc.queryForMap("select * from registration where id = ?", a);
        Map<String, Object> rb = jdbc.queryForMap("select * from registration where id = ?", b);
        assertThat(ra.get("customer_domain_index")).isEqualTo(rb.get("customer_domain_index"));
        assertThat(ra.get("customer_name_index")).isEqualTo(rb.get("customer_name_index"));

        Map<String, String> another = validDeal();
        another.put("customerName", "Umbrella" + tag + " Health");
        another.put("customerWebsite", "umbrella" + tag + "-health.example");
        Map<String, Object> rc = jdbc.queryForMap("select * from registration where id = ?", submit(bob, another));
        assertThat(rc.get("customer_domain_index")).isNotEqualTo(ra.get("customer_domain_index"));
        assertThat(rc.get("customer_name_index")).isNotEqualTo(ra.get("customer_name_index"));
    }

    @Test
    void aEuroAmountIsStoredWithTheRateInForceAndItsDollarValue() throws Exception {
        CurrentUser bob = users.byEmail("bob@northwind.example");
        Map<String, String> deal = validDeal();
        deal.put("amount", "70000");
        deal.put("currency", "EUR");
        UUID id = submit(bob, deal);

        Map<String, Object> row = jdbc.queryForMap("select * from registration where id = ?", id);
        assertThat(row.get("currency")).isEqualTo("EUR");
        assertThat((BigDecimal) row.get("usd_per_unit")).isEqualByComparingTo("1.08");
        assertThat((BigDecimal) row.get("amount_usd")).isEqualByComparingTo("75600.00");
        assertThat(page(get("/deals/" + id), bob)).contains("€70,000.00").contains("$75,600.00");
    }

    @Test
    void theListShowsOnlyTheCompanysOwnRegistrationsNewestFirstFilteredAndPaginated() throws Exception {
        CurrentUser mine = users.newPartnerUser(users.newPartner("US"));
        CurrentUser theirs = users.newPartnerUser(users.newPartner("US"));
        for (int i = 1; i <= 22; i++) {
            Map<String, String> deal = validDeal();
            deal.put("title", "Deal number %02d".formatted(i));
            submit(mine, deal);
        }
        Map<String, String> other = validDeal();
        other.put("title", "Someone else's deal");
        submit(theirs, other);

        String first = page(get("/deals"), mine);
        assertThat(count(first, "Deal number")).isEqualTo(20);
        assertThat(first.indexOf("Deal number 22")).isLessThan(first.indexOf("Deal number 21"));
        assertThat(first).doesNotContain("Someone else").contains("Page 1 of 2").contains("href=\"/deals?page=1\"");
        String second = page(get("/deals").param("page", "1"), mine);
        assertThat(count(second, "Deal number")).isEqualTo(2);
        assertThat(second).contains("Deal number 01").contains("Deal number 02");

        assertThat(page(get("/deals").param("status", "SUBMITTED"), mine)).contains("Deal number 22")
                .contains("href=\"/deals?status=SUBMITTED&amp;page=1\"");
        assertThat(page(get("/deals").param("status", "APPROVED"), mine)).contains("No registrations to show.");
    }

    @Test
    void aLoweredMinimumAppliesToNewSubmissions() throws Exception {
        CurrentUser bob = users.byEmail("bob@northwind.example");
        Map<String, String> deal = validDeal();
        deal.put("amount", "60000");
        assertThat(page(post("/deals").params(params(deal)).with(csrf()), bob))
                .contains("at least 75,000 USD");
        settings.change(Setting.MINIMUM_DEAL_USD, "50000");
        try {
            UUID id = submit(bob, deal);
            assertThat(jdbc.queryForObject("select amount_usd from registration where id = ?", BigDecimal.class, id))
                    .isEqualByComparingTo("60000");
        } finally {
            settings.change(Setting.MINIMUM_DEAL_USD, "75000");
        }
    }

    @Test
    void aPartnerWhoseRegionHasNotLaunchedSeesTheOpeningDateAndCannotSubmit() throws Exception {
        CurrentUser claire = users.byEmail("claire@fabrikam.example");
        LocalDate opening = LocalDate.now().plusDays(45);
        String written = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH).format(opening);
        // the demo's history gives Fabrikam registrations from the day France really opens
        long before = jdbc.queryForObject("select count(*) from registration where partner_id = ?", Long.class,
                claire.partnerId());
        users.withFranceOpeningOn(opening, () -> {
            assertThat(page(get("/deals/new"), claire)).contains("id=\"region-not-launched\"").contains(written)
                    .containsPattern("id=\"submit-deal\"[^>]*disabled");

            Map<String, String> deal = validDeal();
            deal.put("currency", "EUR");
            String refused = page(post("/deals").params(params(deal)).with(csrf()), claire);
            assertThat(refused).contains("The programme opens in your region on " + written);
            assertThat(jdbc.queryForObject("select count(*) from registration where partner_id = ?", Long.class,
                    claire.partnerId())).isEqualTo(before);
        });
    }

    @Test
    void aFrenchPartnerReadsTheMinimumInEurosWithTheDollarFigureTheRulesUse() throws Exception {
        CurrentUser claire = users.byEmail("claire@fabrikam.example");
        BigDecimal usdPerEuro = jdbc.queryForObject("select usd_per_unit from exchange_rate where currency = 'EUR' "
                + "and valid_from <= current_date order by valid_from desc limit 1", BigDecimal.class);
        BigDecimal minimumUsd = new BigDecimal(jdbc.queryForObject(
                "select value from program_setting where name = 'minimum-deal-usd'", String.class));
        BigDecimal euros = minimumUsd.divide(usdPerEuro, 0, java.math.RoundingMode.CEILING);
        users.withFranceOpeningOn(LocalDate.now().minusDays(1), () -> {
            String page = page(get("/deals/new"), claire);
            String intro = page.substring(page.indexOf("id=\"deal-intro\""), page.indexOf("</p>", page.indexOf("id=\"deal-intro\"")));
            assertThat(intro).contains(java.text.NumberFormat.getIntegerInstance(Locale.ENGLISH).format(euros))
                    .contains("€").contains("$75,000.00").contains("the figure the rules use");
        });
        assertThat(page(get("/deals/new"), users.newPartnerUser(users.newPartner("US"))))
                .as("a US partner: dollars only").doesNotContain("the figure the rules use");
    }

    UUID submit(CurrentUser user, Map<String, String> deal) throws Exception {
        MvcResult result = mvc.perform(post("/deals").params(params(deal)).with(csrf()).with(user(user))).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).as("redirect after submit; page said: %s", result.getResponse().getContentAsString())
                .startsWith("/deals/");
        return UUID.fromString(location.substring("/deals/".length()));
    }

    String page(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
        return mvc.perform(request.with(user(user))).andReturn().getResponse().getContentAsString();
    }

    static org.springframework.util.MultiValueMap<String, String> params(Map<String, String> deal) {
        org.springframework.util.LinkedMultiValueMap<String, String> map = new org.springframework.util.LinkedMultiValueMap<>();
        deal.forEach(map::add);
        return map;
    }

    /** A valid deal for a customer of its own that no account or other registration knows: CLEAR. */
    public static Map<String, String> validDeal() {
        String customer = "Zylophon" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> deal = new LinkedHashMap<>();
        deal.put("customerName", customer + " Corporation");
        deal.put("customerWebsite", "https://www." + customer.toLowerCase(Locale.ROOT) + ".example");
        deal.put("customerCountry", "US");
        deal.put("customerCity", "Springfield");
        deal.put("contactName", "Jane Doe");
        deal.put("contactEmail", "jane@" + customer.toLowerCase(Locale.ROOT) + ".example");
        deal.put("contactPhone", "+1 555 0100");
        deal.put("title", "Data centre refresh");
        deal.put("description", "Forty racks of servers for the new data centre.");
        deal.put("specialization", "INFRASTRUCTURE");
        deal.put("amount", "120,000.00");
        deal.put("currency", "USD");
        deal.put("expectedCloseDate", LocalDate.now().plusMonths(3).toString());
        deal.put("competitors", "HP, Lenovo");
        return deal;
    }

    private static int count(String haystack, String needle) {
        return haystack.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }
}
