package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.version;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.program.ExchangeRates;
import org.dealreg.registration.ManagerReview;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The partner closes an approved registration won (final amount, currency, date) or lost (reason); the customer is
 * free again. Anything else is refused with a message and changes nothing.
 */
@IntegrationTest
class CloseTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired ManagerReview review;
    @Autowired ExchangeRates rates;

    @Test
    void wonStoresTheFinalAmountAndFreesTheCustomer() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        UUID id = approved(bob);
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));

        mvc.perform(close(bob, id, "WON").param("amount", "182,500.00").param("currency", "USD")
                .param("closedOn", today.toString())).andExpect(status().is3xxRedirection());

        Map<String, Object> row = jdbc.queryForMap("select status, won_amount, won_amount_usd, closed_on, closed_by, ended_at "
                + "from registration where id = ?", id);
        assertThat(row.get("status")).isEqualTo("WON");
        assertThat((BigDecimal) row.get("won_amount")).isEqualByComparingTo("182500.00");
        assertThat((BigDecimal) row.get("won_amount_usd")).isEqualByComparingTo("182500.00");
        assertThat(row.get("closed_on").toString()).isEqualTo(today.toString());
        assertThat(row.get("closed_by")).isEqualTo(bob.id());
        assertThat(row.get("ended_at")).isNotNull();
        assertThat(jdbc.queryForObject("select released_at is not null from customer_claim where registration_id = ?",
                Boolean.class, id)).isTrue();
        assertThat(jdbc.queryForList("select action from registration_history where registration_id = ? order by id",
                String.class, id)).containsExactly("SUBMITTED", "APPROVED", "WON");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'REGISTRATION_WON' and subject_id = ?",
                Integer.class, id.toString())).isEqualTo(1);
        String page = mvc.perform(get("/deals/{id}", id).with(user(bob))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"closed-won\"").contains("$182,500.00").doesNotContain("id=\"close-link\"");
        assertThat(page).as("one style for the page's dates: short, as the submission's")
                .contains("Won on " + DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH)
                        .format(today))
                .doesNotContain(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH).format(today));
        String french = mvc.perform(get("/deals/{id}", id).with(user(bob)).locale(Locale.FRENCH)).andReturn().getResponse()
                .getContentAsString();
        assertThat(french).contains("Gagnée le " + DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(Locale.FRENCH).format(today))
                .doesNotContain(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.FRENCH).format(today));
        String managers = mvc.perform(get("/review/{id}", id).with(user(users.byEmail("maria@dealreg.example"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(managers).contains("Closed as won").contains("id=\"final-status\"");
    }

    @Test
    void aWinInEurosIsValuedAtTheRateInForceOnTheDayItWasWon() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        UUID id = approved(bob);
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        BigDecimal rate = rates.usdPerUnit("EUR", today).orElseThrow();

        mvc.perform(close(bob, id, "WON").param("amount", "100000").param("currency", "EUR")
                .param("closedOn", today.toString())).andExpect(status().is3xxRedirection());

        assertThat(jdbc.queryForObject("select won_amount_usd from registration where id = ?", BigDecimal.class, id))
                .isEqualByComparingTo(rate.multiply(new BigDecimal("100000")).setScale(2, java.math.RoundingMode.HALF_EVEN));
    }

    @Test
    void aZeroOrNegativeAmountOrAFutureDateIsRefusedAndNothingChanges() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        UUID id = approved(bob);
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));

        for (String amount : new String[] {"0", "-5000", "abc"}) {
            String page = mvc.perform(close(bob, id, "WON").param("amount", amount).param("currency", "USD")
                    .param("closedOn", today.toString())).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).as(amount).contains("id=\"amount-error\"").contains("value=\"" + amount + "\"");
        }
        String future = mvc.perform(close(bob, id, "WON").param("amount", "90000").param("currency", "USD")
                .param("closedOn", today.plusDays(3).toString())).andReturn().getResponse().getContentAsString();
        assertThat(future).contains("The date won cannot be in the future.");
        String lost = mvc.perform(close(bob, id, "LOST").param("lostReason", "  ")).andReturn().getResponse()
                .getContentAsString();
        assertThat(lost).contains("Say why the deal was lost.");

        assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, id)).isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("select released_at is null from customer_claim where registration_id = ?",
                Boolean.class, id)).isTrue();
    }

    @Test
    void onlyAnApprovedRegistrationCanBeClosed() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        UUID pending = submitted(mvc, bob, validDeal());

        String page = mvc.perform(close(bob, pending, "LOST").param("lostReason", "Budget cut."))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Only an approved registration can be closed or extended; this one is “Awaiting decision”.");
        mvc.perform(get("/deals/{id}/close", pending).with(user(bob))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, pending))
                .isEqualTo("SUBMITTED");
    }

    @Test
    void lostKeepsTheReasonEncryptedAndShowsItToThePartner() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        UUID id = approved(bob);

        mvc.perform(post("/deals/{id}/extension", id).param("version", version(jdbc, id)).param("reason", "More time?")
                .with(csrf()).with(user(bob)));
        mvc.perform(close(bob, id, "LOST").param("lostReason", "Went with <i>a competitor</i>."))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from extension_request where registration_id = ?", String.class, id))
                .as("the waiting request ends with the registration").isEqualTo("LAPSED");

        assertThat(jdbc.queryForObject("select lost_reason from registration where id = ?", String.class, id))
                .startsWith("v1:").doesNotContain("competitor");
        assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, id)).isEqualTo("LOST");
        String page = mvc.perform(get("/deals/{id}", id).with(user(bob))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Went with &lt;i&gt;a competitor&lt;/i&gt;.");
    }

    @Test
    void anotherCompanysRegistrationAnswers404AndIsNotClosed() throws Exception {
        UUID theirs = approved(users.newPartnerUser(users.newPartner("US")));
        CurrentUser stranger = users.newPartnerUser(users.newPartner("US"));

        mvc.perform(get("/deals/{id}/close", theirs).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(close(stranger, theirs, "LOST").param("lostReason", "Mine now.")).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, theirs))
                .isEqualTo("APPROVED");
    }

    private MockHttpServletRequestBuilder close(CurrentUser partner, UUID id, String outcome) {
        return post("/deals/{id}/close", id).param("outcome", outcome).param("version", version(jdbc, id))
                .with(csrf()).with(user(partner));
    }

    private UUID approved(CurrentUser partner) throws Exception {
        UUID id = submitted(mvc, partner, validDeal());
        review.approve(id, Integer.parseInt(version(jdbc, id)), users.byEmail("maria@dealreg.example").id());
        return id;
    }
}
