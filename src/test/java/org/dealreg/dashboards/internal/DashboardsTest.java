package org.dealreg.dashboards.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.accounts.AccountBook;
import org.dealreg.credits.DirectWins;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.Partners;
import org.dealreg.partners.Specializations;
import org.dealreg.partners.Tier;
import org.dealreg.registration.ManagerReview;
import org.dealreg.registration.PartnerSubmissions;
import org.dealreg.registration.RejectionReason;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Each role's dashboard against a data set of the test's own, with figures worked out by hand: the tests share one
 * database, so each uses a company, a rep or a sales region nobody else adds to.
 */
@IntegrationTest
class DashboardsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Partners partners;
    @Autowired Specializations specializations;
    @Autowired ManagerReview review;
    @Autowired PartnerSubmissions submissions;
    @Autowired AccountBook accounts;
    @Autowired DirectWins directWins;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aPartnerSeesItsPipelineApprovalRateMedianExpiringOpenAndWonAgainstTheObjective() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        UUID expiring = submitted(mvc, partner, validDeal());
        review.approve(expiring, version(expiring), maria.id());
        decidedAfter(expiring, Duration.ofHours(2));
        jdbc.update("update registration set protection_ends_at = now() + interval '5 days' where id = ?", expiring);
        UUID won = submitted(mvc, partner, validDeal());
        review.approve(won, version(won), maria.id());
        decidedAfter(won, Duration.ofHours(4));
        submissions.closeWon(partner, won, version(won), new BigDecimal("50000"), "USD", LocalDate.now(NEW_YORK));
        UUID rejected = submitted(mvc, partner, validDeal());
        review.reject(rejected, version(rejected), maria.id(), RejectionReason.INCOMPLETE, "No contact.");
        decidedAfter(rejected, Duration.ofHours(6));
        submitted(mvc, partner, validDeal());
        UUID withdrawn = submitted(mvc, partner, validDeal());
        mvc.perform(post("/deals/" + withdrawn + "/withdraw").param("version", String.valueOf(version(withdrawn)))
                .with(csrf()).with(user(partner)));

        String json = json(partner, "");

        assertThat(values(json, "pipelineCount", 0)).as("submitted, approved, rejected, withdrawn, expired, won, lost")
                .containsExactly(1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 0.0);
        assertThat(values(json, "pipelineValue", 0)).as("USD at submission")
                .containsExactly(120000.0, 120000.0, 120000.0, 120000.0, 0.0, 120000.0, 0.0);
        assertThat(categories(json, "pipelineCount")).startsWith("Awaiting decision", "Approved", "Rejected");
        assertThat(figure(json, "approvalRate")).as("the one won was approved").isEqualTo("67% (2 of 3)");
        assertThat(figure(json, "medianDecisionTime")).as("2, 4 and 6 hours").isEqualTo("4 h 0 min");
        assertThat(figure(json, "expiringSoon")).isEqualTo("1");
        assertThat(figure(json, "openAgainstCap")).as("one approved, one waiting").startsWith("2 of ");
        int infrastructure = categories(json, "wonBySpecialization").indexOf("Infrastructure");
        assertThat(infrastructure).isNotNegative();
        assertThat(values(json, "wonBySpecialization", 0).get(infrastructure)).isEqualTo(50000.0);
        assertThat(values(json, "wonBySpecialization", 1).get(infrastructure)).as("what Certification would need")
                .isEqualTo(specializations.find("INFRASTRUCTURE").orElseThrow().objectiveUsd().doubleValue());
        assertThat(series(json, "wonBySpecialization").get(1).get("name")).isEqualTo("Needed for Certification (USD)");

        String page = page(partner, "");
        assertThat(page).contains("data-chart=\"pipelineCount\"")
                .contains("/webjars/echarts/5.3.1/dist/echarts.min.js").contains("67% (2 of 3)")
                .contains("<th scope=\"row\">Awaiting decision</th>");
        assertThat(JsonPath.parse(figuresOf(page)).jsonString()).as("the page's charts draw what /dashboard.json answers")
                .isEqualTo(JsonPath.parse(json).jsonString());
    }

    @Test
    void aPartnerSeesItsRegionsPublishedTrustFiguresCountedOverEveryCompanyOfTheRegionOnly() throws Exception {
        String region = users.newRegion();
        CurrentUser reader = users.newPartnerUser(partners.addActive("Dash Trust A " + UUID.randomUUID(), region,
                Tier.REGISTERED, Set.of()));
        CurrentUser other = users.newPartnerUser(partners.addActive("Dash Trust B " + UUID.randomUUID(), region,
                Tier.REGISTERED, Set.of()));
        CurrentUser elsewhere = users.newPartnerUser(partners.addActive("Dash Trust C " + UUID.randomUUID(),
                users.newRegion(), Tier.REGISTERED, Set.of()));
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        for (int hours : new int[] {2, 4, 30}) {
            UUID id = submitted(mvc, other, validDeal());
            review.approve(id, version(id), maria.id());
            decidedAfter(id, Duration.ofHours(hours));
        }
        UUID alsoElsewhere = submitted(mvc, elsewhere, validDeal());
        review.approve(alsoElsewhere, version(alsoElsewhere), maria.id());
        decidedAfter(alsoElsewhere, Duration.ofHours(1));

        String json = json(reader, "");

        assertThat(figure(json, "regionMedianDecisionTime")).as("2, 4 and 30 hours, another company of the region")
                .isEqualTo("4 h 0 min");
        assertThat(figure(json, "regionWithin24h")).isEqualTo("67% (2 of 3)");
        assertThat(figure(json, "regionWithin48h")).isEqualTo("100% (3 of 3)");
        assertThat(figure(json, "approvalRate")).as("its own figures stay its own").isEqualTo("—");
        assertThat(figure(json(elsewhere, ""), "regionMedianDecisionTime")).as("another region's partner")
                .isEqualTo("1 h 0 min");
        assertThat(page(reader, "")).contains("Median time to a decision in your region (" + region + "), last 30 days");
    }

    @Test
    void aPartnersFiguresNeverCountAnotherCompanysAndNoParameterWidensThem() throws Exception {
        CurrentUser mine = users.newPartnerUser(users.newPartner("US"));
        PartnerView otherCompany = users.newPartner("US");
        CurrentUser theirs = users.newPartnerUser(otherCompany);
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        submitted(mvc, mine, validDeal());
        for (int i = 0; i < 3; i++) {
            UUID id = submitted(mvc, theirs, validDeal());
            review.approve(id, version(id), maria.id());
            submissions.closeWon(theirs, id, version(id), new BigDecimal("77777"), "USD", LocalDate.now(NEW_YORK));
        }

        for (String query : List.of("", "?region=US", "?tier=CERTIFIED", "?partner=" + otherCompany.id(),
                "?from=2000-01-01&to=2100-01-01")) {
            String json = json(mine, query);
            assertThat(values(json, "pipelineCount", 0)).as(query).containsExactly(1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
            assertThat(values(json, "wonBySpecialization", 0)).as(query).allMatch(v -> v == 0.0);
            assertThat(json).as(query).doesNotContain("77777").doesNotContain(otherCompany.id().toString())
                    .doesNotContain(otherCompany.legalName());
        }
        assertThat(values(json(theirs, ""), "pipelineCount", 0)).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 3.0, 0.0);
    }

    @Test
    void aRepSeesTheirAccountsAndCreditsBySourceAndNothingOfThePartnersDeal() throws Exception {
        CurrentUser rep = users.newUser(Role.SALES_REP, null);
        LocalDate today = LocalDate.now(NEW_YORK);
        String word = "Dashco" + UUID.randomUUID().toString().substring(0, 6);
        UUID lapsing = accounts.upsert("CRM-" + UUID.randomUUID(), word + " Lapsing", "US", Set.of(), rep.id());
        accounts.engage(lapsing, rep.id(), today.minusDays(170));
        UUID engaged = accounts.upsert("CRM-" + UUID.randomUUID(), word + " Engaged", "US", Set.of(), rep.id());
        accounts.engage(engaged, rep.id(), today.minusDays(1));
        accounts.upsert("CRM-" + UUID.randomUUID(), word + " Quiet", "US", Set.of(), rep.id());
        directWins.recordFromCrm("OPP-" + UUID.randomUUID(), rep, engaged, new BigDecimal("30000"), "USD", today);

        PartnerView company = users.newPartner("US");
        CurrentUser partner = users.newPartnerUser(company);
        Map<String, String> deal = new java.util.LinkedHashMap<>(validDeal());
        deal.put("customerName", word + " Engaged");
        deal.put("title", "Secret rollout " + word);
        UUID id = submitted(mvc, partner, deal);
        review.approve(id, version(id), users.byEmail("maria@dealreg.example").id());
        submissions.closeWon(partner, id, version(id), new BigDecimal("45000"), "USD", today);
        assertThat(jdbc.queryForObject("select count(*) from rep_credit where registration_id = ? and rep_id = ?",
                Integer.class, id, rep.id())).as("the partner's win on the rep's engaged account").isEqualTo(1);
        String receipt = jdbc.queryForObject("select receipt_number from registration where id = ?", String.class, id);

        String json = json(rep, "");

        assertThat(figure(json, "owned")).isEqualTo("3");
        assertThat(figure(json, "engaged")).isEqualTo("2");
        assertThat(figure(json, "lapsingSoon")).isEqualTo("1");
        assertThat(figure(json, "creditsQuarter")).isEqualTo("75,000 USD");
        assertThat(categories(json, "creditsBySource")).containsExactly("Direct", "Through a partner");
        assertThat(values(json, "creditsBySource", 0)).containsExactly(30000.0, 45000.0);
        assertThat(categories(json, "lapsingAccounts")).containsExactly(word + " Lapsing");
        assertThat(values(json, "lapsingAccounts", 0)).as("180 days after the last activity, 170 days ago")
                .containsExactly(10.0);
        assertThat(json).doesNotContain(id.toString()).doesNotContain(receipt).doesNotContain("Secret rollout")
                .doesNotContain(company.legalName()).doesNotContain("120000");
        assertThat(page(rep, "")).contains(word + " Lapsing").doesNotContain("Secret rollout")
                .doesNotContain(company.legalName());
    }

    @Test
    void aChannelManagerSeesTheRegionsQueueDecisionsTrustFiguresAndApprovalRates() throws Exception {
        String region = users.newRegion();
        CurrentUser partner = users.newPartnerUser(partners.addActive("Dash Manager Test " + UUID.randomUUID(), region,
                Tier.REGISTERED, Set.of()));
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        submitted(mvc, partner, validDeal());
        UUID dueSoon = submitted(mvc, partner, validDeal());
        jdbc.update("update registration set remind_at = now() - interval '1 minute' where id = ?", dueSoon);
        UUID overdue = submitted(mvc, partner, validDeal());
        jdbc.update("update registration set remind_at = now() - interval '2 minutes', "
                + "decision_due_at = now() - interval '1 minute' where id = ?", overdue);
        Instant decided = databaseNow().minus(Duration.ofHours(1));
        for (int hours : List.of(2, 10)) {
            UUID id = submitted(mvc, partner, validDeal());
            review.approve(id, version(id), maria.id());
            decidedAfter(id, Duration.ofHours(hours));
        }
        UUID conflict = submitted(mvc, partner, validDeal());
        review.reject(conflict, version(conflict), maria.id(), RejectionReason.ALREADY_REGISTERED, "Held.");
        decidedAfter(conflict, Duration.ofHours(30));
        jdbc.update("update registration set verdict = 'CONFLICT' where id = ?", conflict);

        String json = json(maria, "?region=" + region);

        assertThat(categories(json, "queueByRegion")).containsExactly(region);
        assertThat(values(json, "queueByRegion", 0)).as("on time").containsExactly(1.0);
        assertThat(values(json, "queueByRegion", 1)).as("due soon").containsExactly(1.0);
        assertThat(values(json, "queueByRegion", 2)).as("overdue").containsExactly(1.0);
        assertThat(figure(json, "waiting")).isEqualTo("3");
        assertThat(figure(json, "overdue")).isEqualTo("1");
        assertThat(figure(json, "extensionsWaiting")).isEqualTo("0");
        assertThat(figure(json, "medianDecisionTime")).as("2, 10 and 30 hours").isEqualTo("10 h 0 min");
        assertThat(figure(json, "p95DecisionTime")).as("10 + 0.9 × 20 hours").isEqualTo("28 h 0 min");
        assertThat(figure(json, "within24h")).isEqualTo("67% (2 of 3)");
        assertThat(figure(json, "within48h")).isEqualTo("100% (3 of 3)");
        int day = categories(json, "decisionsPerDay").indexOf(decided.atZone(maria.zone()).toLocalDate().toString());
        assertThat(day).isNotNegative();
        assertThat(values(json, "decisionsPerDay", 0).get(day)).isEqualTo(2.0);
        assertThat(values(json, "decisionsPerDay", 1).get(day)).isEqualTo(1.0);
        assertThat(values(json, "decisionsPerDay", 0).stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(2.0);
        assertThat(categories(json, "approvalByVerdict")).containsExactly("Clear", "Review", "Conflict");
        assertThat(values(json, "approvalByVerdict", 0)).containsExactly(100.0, 0.0, 0.0);
        assertThat(values(json, "approvalByVerdict", 1)).containsExactly(2.0, 0.0, 1.0);
        assertThat(values(json, "approvalByRegion", 0)).containsExactly(66.7);
        assertThat(values(json, "approvalByPartner", 1)).containsExactly(3.0);
        assertThat(values(json, "decisionTimesPerWeek", 0).size()).isBetween(1, 2);
        assertThat(page(maria, "?region=" + region)).contains("10 h 0 min").contains("66.7");
    }

    @Test
    void aManagersDecisionsPerDayFallOnTheDaysOfTheirOwnTimeZone() throws Exception {
        String region = users.newRegion();
        CurrentUser partner = users.newPartnerUser(partners.addActive("Dash Days " + UUID.randomUUID(), region,
                Tier.REGISTERED, Set.of()));
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        assertThat(maria.zone()).isEqualTo(NEW_YORK);
        LocalDate evening = LocalDate.now(NEW_YORK).minusDays(2);
        Instant decidedAt = evening.atTime(22, 30).atZone(NEW_YORK).toInstant();
        UUID id = submitted(mvc, partner, validDeal());
        review.approve(id, version(id), maria.id());
        jdbc.update("update registration set submitted_at = ?, decided_at = ? where id = ?",
                decidedAt.minus(Duration.ofHours(3)).atOffset(ZoneOffset.UTC), decidedAt.atOffset(ZoneOffset.UTC), id);

        String json = json(maria, "?region=" + region);

        List<String> days = categories(json, "decisionsPerDay");
        assertThat(days).as("every day of the range, in New York").endsWith(LocalDate.now(NEW_YORK).toString());
        assertThat(values(json, "decisionsPerDay", 0).get(days.indexOf(evening.toString())))
                .as("22:30 in New York, already the next day in UTC").isEqualTo(1.0);
        assertThat(values(json, "decisionsPerDay", 0).get(days.indexOf(evening.plusDays(1).toString()))).isEqualTo(0.0);
    }

    @Test
    void theProgrammeAdminSeesPartnersByTierMonthsTopPartnersAndRevenueForTheRegionAndTierChosen() throws Exception {
        String region = users.newRegion();
        PartnerView first = partners.addActive("Dash Admin A " + UUID.randomUUID(), region, Tier.REGISTERED, Set.of());
        PartnerView second = partners.addActive("Dash Admin B " + UUID.randomUUID(), region, Tier.REGISTERED, Set.of());
        PartnerView certified = partners.addActive("Dash Admin C " + UUID.randomUUID(), region, Tier.CERTIFIED, Set.of());
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        CurrentUser ada = users.byEmail("ada@dealreg.example");
        LocalDate today = LocalDate.now(NEW_YORK);
        CurrentUser a = users.newPartnerUser(first);
        submitted(mvc, a, validDeal());
        UUID wonByA = submitted(mvc, a, validDeal());
        review.approve(wonByA, version(wonByA), maria.id());
        submissions.closeWon(a, wonByA, version(wonByA), new BigDecimal("50000"), "USD", today);
        CurrentUser b = users.newPartnerUser(second);
        UUID wonByB = submitted(mvc, b, validDeal());
        review.approve(wonByB, version(wonByB), maria.id());
        submissions.closeWon(b, wonByB, version(wonByB), new BigDecimal("80000"), "USD", today);

        String json = json(ada, "?region=" + region);

        assertThat(categories(json, "partnersByTier")).containsExactly("Registered", "Certified");
        assertThat(values(json, "partnersByTier", 1)).as("active").containsExactly(2.0, 1.0);
        assertThat(figure(json, "activePartners")).isEqualTo("3");
        String month = today.toString().substring(0, 7);
        int last = categories(json, "registrationsPerMonth").indexOf(month);
        assertThat(last).isNotNegative();
        assertThat(values(json, "registrationsPerMonth", 0).get(last)).as("submitted").isEqualTo(3.0);
        assertThat(values(json, "registrationsPerMonth", 1).get(last)).as("approved").isEqualTo(2.0);
        assertThat(values(json, "registrationsPerMonth", 2).get(last)).as("won").isEqualTo(2.0);
        assertThat(values(json, "registrationsPerMonth", 0).stream().mapToDouble(Double::doubleValue).sum())
                .isEqualTo(3.0);
        assertThat(values(json, "revenuePerMonth", 0).get(last)).isEqualTo(130000.0);
        assertThat(categories(json, "topPartners")).containsExactly(second.legalName(), first.legalName());
        assertThat(values(json, "topPartners", 0)).containsExactly(80000.0, 50000.0);
        assertThat(categories(json, "trustTimesByRegion")).containsExactly(region);

        String certifiedOnly = json(ada, "?region=" + region + "&tier=CERTIFIED");
        assertThat(values(certifiedOnly, "partnersByTier", 1)).containsExactly(0.0, 1.0);
        assertThat(categories(certifiedOnly, "topPartners")).isEmpty();
        assertThat(values(certifiedOnly, "registrationsPerMonth", 0).stream().mapToDouble(Double::doubleValue).sum())
                .isZero();
        assertThat(page(ada, "?region=" + region)).contains(second.legalName()).contains("id=\"filter-tier\"");
        assertThat(certified.tier()).isEqualTo(Tier.CERTIFIED);
    }

    @Test
    void theChartsLibraryAndScriptAreServedByThePortal() throws Exception {
        MockHttpServletResponse echarts = mvc.perform(get("/webjars/echarts/5.3.1/dist/echarts.min.js")).andReturn()
                .getResponse();
        assertThat(echarts.getStatus()).isEqualTo(200);
        assertThat(echarts.getContentAsString()).contains("echarts");
        assertThat(mvc.perform(get("/js/dashboard.js")).andReturn().getResponse().getContentAsString())
                .contains("data-figures").doesNotContain("http");
        assertThat(mvc.perform(get("/dashboard.json")).andReturn().getResponse().getRedirectedUrl())
                .as("signed out").endsWith("/login");
    }

    private String json(CurrentUser user, String query) throws Exception {
        MockHttpServletResponse response = call(get("/dashboard.json" + query), user);
        assertThat(response.getStatus()).as(query).isEqualTo(200);
        return response.getContentAsString();
    }

    /** The JSON the page carries for its charts, as the browser reads it from the attribute (entities decoded). */
    private static String figuresOf(String page) {
        java.util.regex.Matcher attribute = java.util.regex.Pattern.compile("data-figures=\"([^\"]*)\"").matcher(page);
        assertThat(attribute.find()).as("the page carries its figures").isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(attribute.group(1));
    }

    private String page(CurrentUser user, String query) throws Exception {
        MockHttpServletResponse response = call(get("/" + query), user);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
        return mvc.perform(request.with(user(user))).andReturn().getResponse();
    }

    private static String figure(String json, String key) {
        List<String> values = JsonPath.read(json, "$.figures[?(@.key == '" + key + "')].value");
        assertThat(values).as("figure " + key).hasSize(1);
        return values.get(0).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static Map<String, Object> chart(String json, String key) {
        List<Map<String, Object>> charts = JsonPath.read(json, "$.charts[?(@.key == '" + key + "')]");
        assertThat(charts).as("chart " + key).hasSize(1);
        return charts.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<String> categories(String json, String key) {
        return (List<String>) chart(json, key).get("categories");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> series(String json, String key) {
        return (List<Map<String, Object>>) chart(json, key).get("series");
    }

    @SuppressWarnings("unchecked")
    private static List<Double> values(String json, String key, int series) {
        return ((List<Object>) series(json, key).get(series).get("values")).stream()
                .map(v -> ((Number) v).doubleValue()).toList();
    }

    /** Decided {@code took} after its submission, an hour ago. */
    private void decidedAfter(UUID id, Duration took) {
        Instant decided = databaseNow().minus(Duration.ofHours(1));
        jdbc.update("update registration set submitted_at = ?, decided_at = ? where id = ?",
                decided.minus(took).atOffset(ZoneOffset.UTC), decided.atOffset(ZoneOffset.UTC), id);
    }

    private Instant databaseNow() {
        return jdbc.queryForObject("select now()", OffsetDateTime.class).toInstant();
    }

    private int version(UUID id) {
        return jdbc.queryForObject("select version from registration where id = ?", Integer.class, id);
    }
}
