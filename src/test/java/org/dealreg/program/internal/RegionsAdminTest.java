package org.dealreg.program.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /admin/regions}: launch dates, holiday calendars and dated exchange rates, each audited. */
@IntegrationTest
class RegionsAdminTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired ExchangeRates rates;

    @Test
    void aLaunchDateMovedOnTheAdminPageKeepsTheRegionsPartnersFromSubmittingUntilThatDay() throws Exception {
        CurrentUser claire = users.byEmail("claire@fabrikam.example");
        LocalDate before = launchDate("FR");
        LocalDate opening = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(40);
        String inTable = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH).format(opening);
        String written = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH).format(opening);
        long registrations = jdbc.queryForObject("select count(*) from registration where partner_id = ?", Long.class,
                claire.partnerId());
        try {
            MockHttpServletResponse moved = call(post("/admin/regions/FR/launch-date")
                    .param("launchDate", opening.toString()), ada());
            assertThat(moved.getRedirectedUrl()).isEqualTo("/admin/regions/FR");
            assertThat(launchDate("FR")).isEqualTo(opening);
            assertThat(call(get("/admin/regions"), ada()).getContentAsString()).as("a table's dates, short")
                    .contains(inTable).doesNotContain(written);

            assertThat(call(get("/deals/new"), claire).getContentAsString()).contains("id=\"region-not-launched\"")
                    .contains(written).containsPattern("id=\"submit-deal\"[^>]*disabled");
            Map<String, String> deal = validDeal();
            deal.put("currency", "EUR");
            MockHttpServletRequestBuilder submit = post("/deals");
            deal.forEach(submit::param);
            assertThat(call(submit, claire).getContentAsString())
                    .contains("The programme opens in your region on " + written);
            assertThat(jdbc.queryForObject("select count(*) from registration where partner_id = ?", Long.class,
                    claire.partnerId())).isEqualTo(registrations);
            assertThat(jdbc.queryForObject("select details from audit_event where action = 'REGION_LAUNCH_DATE_CHANGED' "
                    + "and subject_id = 'FR' order by seq desc limit 1", String.class))
                    .isEqualTo("from=" + before + " to=" + opening);

            assertThat(call(post("/admin/regions/FR/launch-date").param("launchDate", "not a date"), ada())
                    .getContentAsString()).contains("id=\"launchDate-error\"");
            assertThat(launchDate("FR")).isEqualTo(opening);
        } finally {
            call(post("/admin/regions/FR/launch-date").param("launchDate", before.toString()), ada());
            jdbc.update("update region set launch_date = ? where code = 'FR'", before);
            users.programmeChangedBySql();
        }
    }

    @Test
    void theAdminAddsAndRemovesAHolidayAndADuplicateDayOrAMissingNameIsRefused() throws Exception {
        LocalDate day = LocalDate.of(2031, 3, 17);
        MockHttpServletResponse added = call(post("/admin/regions/US/holidays").param("day", day.toString())
                .param("name", "Founders' <Day>"), ada());
        assertThat(added.getRedirectedUrl()).isEqualTo("/admin/regions/US");
        assertThat(call(get("/admin/regions/US"), ada()).getContentAsString()).contains("Founders&#39; &lt;Day&gt;")
                .contains("id=\"holiday-2031-03-17\"");

        String duplicate = call(post("/admin/regions/US/holidays").param("day", day.toString())
                .param("name", "Again"), ada()).getContentAsString();
        assertThat(duplicate).contains("id=\"day-error\"").contains("already a holiday");
        String nameless = call(post("/admin/regions/US/holidays").param("day", "2031-03-18").param("name", " "), ada())
                .getContentAsString();
        assertThat(nameless).contains("id=\"name-error\"");
        assertThat(holidays("US", day)).containsExactly("Founders' <Day>");
        assertThat(holidays("US", LocalDate.of(2031, 3, 18))).isEmpty();

        assertThat(call(post("/admin/regions/US/holidays/2031-03-17/remove"), ada()).getRedirectedUrl())
                .isEqualTo("/admin/regions/US");
        assertThat(holidays("US", day)).isEmpty();
        assertThat(call(post("/admin/regions/US/holidays/2031-03-17/remove"), ada()).getStatus()).isEqualTo(404);
        assertThat(call(get("/admin/regions/XX"), ada()).getStatus()).isEqualTo(404);
        assertThat(jdbc.queryForList("select action from audit_event where subject_type = 'region' and subject_id = 'US' "
                + "and details like 'day=2031-03-17%' order by seq", String.class))
                .containsExactly("HOLIDAY_ADDED", "HOLIDAY_REMOVED");
    }

    @Test
    void theCalendarsOf2026And2027AreComplete() {
        assertThat(count("US", 2026)).as("11 US federal holidays").isEqualTo(11);
        assertThat(count("US", 2027)).as("11 US federal holidays and New Year's Day 2028 observed").isEqualTo(12);
        assertThat(count("FR", 2026)).as("11 French public holidays").isEqualTo(11);
        assertThat(count("FR", 2027)).isEqualTo(11);
        assertThat(holidays("US", LocalDate.of(2026, 7, 3))).containsExactly("Independence Day (observed)");
        assertThat(holidays("FR", LocalDate.of(2026, 4, 6))).containsExactly("Lundi de Pâques");
    }

    @Test
    void aRateOfZeroOrBelowOrOfAnotherCurrencyIsRefusedAndNothingIsStored() throws Exception {
        long before = jdbc.queryForObject("select count(*) from exchange_rate", Long.class);
        for (String rate : new String[] {"0", "0,00", "-1.08", "abc", ""}) {
            String page = call(post("/admin/regions/rates").param("currency", "EUR").param("usdPerUnit", rate)
                    .param("validFrom", "2031-01-01"), ada()).getContentAsString();
            assertThat(page).as(rate).contains("id=\"usdPerUnit-error\"").contains("Nothing was stored");
        }
        assertThat(call(post("/admin/regions/rates").param("currency", "EUR").param("usdPerUnit", "0")
                .param("validFrom", "2031-01-01"), ada()).getContentAsString()).contains("A rate must be above zero.");
        for (String currency : new String[] {"USD", "GBP"}) {
            assertThat(call(post("/admin/regions/rates").param("currency", currency).param("usdPerUnit", "1.2")
                    .param("validFrom", "2031-01-01"), ada()).getContentAsString()).contains("id=\"currency-error\"");
        }
        assertThat(jdbc.queryForObject("select count(*) from exchange_rate", Long.class)).isEqualTo(before);
    }

    @Test
    void aRegistrationUsesTheRateInForceOnItsSubmissionDay() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        BigDecimal earlier = rates.usdPerUnit("EUR", today.minusDays(2)).orElseThrow();
        try {
            assertThat(call(rate("1.25", today.minusDays(1)), ada()).getRedirectedUrl()).isEqualTo("/admin/regions");
            assertThat(call(rate("9.5", today.plusDays(1)), ada()).getRedirectedUrl()).isEqualTo("/admin/regions");
            String duplicate = call(rate("1.30", today.minusDays(1)), ada()).getContentAsString();
            assertThat(duplicate).contains("id=\"validFrom-error\"").contains("has a rate from that day already");
            assertThat(call(get("/admin/regions"), ada()).getContentAsString()).contains("1.25").contains("9.5");

            CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
            Map<String, String> deal = validDeal();
            deal.put("amount", "80000");
            deal.put("currency", "EUR");
            UUID id = submitted(mvc, partner, deal);

            Map<String, Object> row = jdbc.queryForMap("select usd_per_unit, amount_usd from registration where id = ?", id);
            assertThat((BigDecimal) row.get("usd_per_unit")).as("yesterday's rate, not tomorrow's").isEqualByComparingTo("1.25");
            assertThat((BigDecimal) row.get("amount_usd")).isEqualByComparingTo("100000.00");
            assertThat(rates.usdPerUnit("EUR", today.plusDays(1))).contains(new BigDecimal("9.50000000"));
            assertThat(rates.usdPerUnit("EUR", today.minusDays(2))).contains(earlier);
            assertThat(jdbc.queryForObject("select details from audit_event where action = 'EXCHANGE_RATE_RECORDED' "
                    + "order by seq desc limit 1", String.class)).isEqualTo("usdPerUnit=9.5 validFrom=" + today.plusDays(1));
        } finally {
            jdbc.update("delete from exchange_rate where currency = 'EUR' and valid_from in (?, ?)", today.minusDays(1),
                    today.plusDays(1));
            users.programmeChangedBySql();
        }
    }

    private MockHttpServletRequestBuilder rate(String usdPerUnit, LocalDate validFrom) {
        return post("/admin/regions/rates").param("currency", "EUR").param("usdPerUnit", usdPerUnit)
                .param("validFrom", validFrom.toString());
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
        return mvc.perform(request.with(csrf()).with(user(user))).andReturn().getResponse();
    }

    private CurrentUser ada() {
        return users.byEmail("ada@dealreg.example");
    }

    private LocalDate launchDate(String region) {
        return jdbc.queryForObject("select launch_date from region where code = ?", LocalDate.class, region);
    }

    private java.util.List<String> holidays(String region, LocalDate day) {
        return jdbc.queryForList("select name from region_holiday where region_code = ? and day = ?", String.class,
                region, day);
    }

    private long count(String region, int year) {
        return jdbc.queryForObject("select count(*) from region_holiday where region_code = ? "
                + "and extract(year from day) = ?", Long.class, region, year);
    }
}
