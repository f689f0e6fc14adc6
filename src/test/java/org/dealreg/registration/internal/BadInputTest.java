package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.params;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Every kind of bad input gets a clear message on its field, and nothing is stored. */
@IntegrationTest
class BadInputTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestUsers users;
    CurrentUser partnerUser;

    @BeforeEach
    void freshPartner() {
        partnerUser = users.newPartnerUser(users.newPartner("US"));
    }

    @Test
    void amountsOutsideTheRulesAreRefused() throws Exception {
        refused(d -> d.put("amount", "74999.99"), "amount", "at least 75,000 USD");
        refused(d -> d.put("amount", "0"), "amount", "must be above zero");
        refused(d -> d.put("amount", "-120000"), "amount", "must be above zero");
        refused(d -> d.put("amount", "a lot"), "amount", "Enter an amount as a number");
        refused(d -> d.put("amount", "1000000000000"), "amount", "must be below 1,000,000,000,000");
        refused(d -> d.put("amount", "99999999999999999999"), "amount", "must be below");
        refused(d -> d.put("amount", "80000.001"), "amount", "at most two decimals");
    }

    @Test
    void anUnknownCurrencyIsRefused() throws Exception {
        refused(d -> d.put("currency", "GBP"), "currency", "Choose US dollars (USD) or euros (EUR).");
        refused(d -> d.put("currency", "<b>USD</b>"), "currency", "Choose US dollars");
    }

    @Test
    void closeDatesInThePastOrTooFarAheadAreRefused() throws Exception {
        refused(d -> d.put("expectedCloseDate", LocalDate.now().minusDays(1).toString()), "expectedCloseDate",
                "must be after today");
        refused(d -> d.put("expectedCloseDate", LocalDate.now().plusMonths(19).toString()), "expectedCloseDate",
                "within 18 months");
        refused(d -> d.put("expectedCloseDate", "next spring"), "expectedCloseDate", "Enter a date.");
    }

    @Test
    void missingRequiredFieldsAreEachNamed() throws Exception {
        String page = refused(d -> d.replaceAll((k, v) -> ""), "customerName", "This field is required.");
        for (String field : new String[] {"customerName", "contactName", "contactEmail", "title"}) {
            assertThat(page).contains("id=\"" + field + "-error\">This field is required.");
        }
        assertThat(page).contains("Please correct the fields marked below; nothing has been saved.");
    }

    @Test
    void tenThousandCharacterStringsAreRefusedOnEveryTextField() throws Exception {
        String huge = "x".repeat(10_000);
        String page = refused(d -> {
            for (String f : new String[] {"customerName", "customerWebsite", "customerCity", "contactName",
                    "contactPhone", "title", "description", "competitors"}) {
                d.put(f, huge);
            }
            d.put("contactEmail", huge + "@example.com");
        }, "customerName", "Use at most 200 characters.");
        assertThat(page).contains("id=\"description-error\">Use at most 4,000 characters.")
                .contains("id=\"competitors-error\">Use at most 1,000 characters.")
                .contains("id=\"customerWebsite-error\">Use at most 255 characters.")
                .contains("id=\"customerCity-error\">Use at most 120 characters.");
    }

    @Test
    void badWebsiteCountryOrSpecialisationAreRefused() throws Exception {
        refused(d -> d.put("customerWebsite", "<script>alert(1)</script>"), "customerWebsite", "Enter a website");
        refused(d -> d.put("customerCountry", "XX"), "customerCountry", "Choose a country from the list.");
        refused(d -> d.put("specialization", "TELEPORTATION"), "specialization", "Choose a specialisation");
        refused(d -> d.put("contactEmail", "not-an-email"), "contactEmail", "Enter a valid e-mail address.");
    }

    @Test
    void markupInEveryTextFieldIsStoredAsTextAndShownEscaped() throws Exception {
        String markup = "<script>alert('x')</script><b onmouseover=alert(1)>bold</b>";
        Map<String, String> deal = validDeal();
        for (String f : new String[] {"customerName", "customerCity", "contactName", "title", "description",
                "competitors"}) {
            deal.put(f, markup);
        }
        MockHttpServletResponse response = mvc.perform(post("/deals").params(params(deal)).with(csrf())
                .with(user(partnerUser))).andReturn().getResponse();
        String location = response.getRedirectedUrl();
        assertThat(location).startsWith("/deals/");

        String show = mvc.perform(get(location).with(user(partnerUser))).andReturn().getResponse().getContentAsString();
        String list = mvc.perform(get("/deals").with(user(partnerUser))).andReturn().getResponse().getContentAsString();
        for (String page : new String[] {show, list}) {
            assertThat(page).doesNotContain("<script>alert").doesNotContain("<b onmouseover")
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        }
        String rerendered = mvc.perform(post("/deals").params(params(withAmount(deal, "1"))).with(csrf())
                .with(user(partnerUser))).andReturn().getResponse().getContentAsString();
        assertThat(rerendered).contains("at least 75,000 USD").doesNotContain("<script>alert");
    }

    @Test
    void forgedPartnerStatusOrIdAreIgnored() throws Exception {
        CurrentUser other = users.newPartnerUser(users.newPartner("US"));
        UUID forgedId = UUID.randomUUID();
        Map<String, String> deal = validDeal();
        deal.put("partnerId", other.partnerId().toString());
        deal.put("status", "APPROVED");
        deal.put("id", forgedId.toString());
        deal.put("amountUsd", "1");
        String location = mvc.perform(post("/deals").params(params(deal)).with(csrf()).with(user(partnerUser)))
                .andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.substring("/deals/".length()));

        Map<String, Object> row = jdbc.queryForMap("select * from registration where id = ?", id);
        assertThat(id).isNotEqualTo(forgedId);
        assertThat(row.get("partner_id")).isEqualTo(partnerUser.partnerId());
        assertThat(row.get("status")).isEqualTo("SUBMITTED");
        assertThat(row.get("amount_usd").toString()).isEqualTo("120000.00");
        assertThat(stored(other)).isZero();
    }

    @Test
    void aPostWithoutCsrfTokenIsForbiddenAndStoresNothing() throws Exception {
        int status = mvc.perform(post("/deals").params(params(validDeal())).with(user(partnerUser)))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(stored(partnerUser)).isZero();
    }

    private String refused(Consumer<Map<String, String>> change, String field, String message) throws Exception {
        Map<String, String> deal = validDeal();
        change.accept(deal);
        long before = stored(partnerUser);
        MockHttpServletResponse response = mvc.perform(post("/deals").params(params(deal)).with(csrf())
                .with(user(partnerUser))).andReturn().getResponse();
        String page = response.getContentAsString();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(page).contains("is-invalid").contains(message);
        assertThat(page).as("the message sits on the field " + field).containsPattern(
                "id=\"" + field + "-error\">[^<]*" + java.util.regex.Pattern.quote(message));
        assertThat(stored(partnerUser)).isEqualTo(before);
        return page;
    }

    private long stored(CurrentUser user) {
        return jdbc.queryForObject("select count(*) from registration where partner_id = ?", Long.class, user.partnerId());
    }

    private static Map<String, String> withAmount(Map<String, String> deal, String amount) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(deal);
        copy.put("amount", amount);
        return copy;
    }
}
