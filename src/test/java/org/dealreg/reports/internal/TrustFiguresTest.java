package org.dealreg.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.Partners;
import org.dealreg.partners.Tier;
import org.dealreg.registration.DeadlineEnforcement;
import org.dealreg.registration.ManagerReview;
import org.dealreg.registration.RejectionReason;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The trust figures as a manager reads them, for a region of the test's own: every other test adds registrations
 * to the shared database all the time, so only that region's line is known.
 */
@IntegrationTest
class TrustFiguresTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Partners partners;
    @Autowired JdbcTemplate jdbc;
    @Autowired ManagerReview review;
    @Autowired DeadlineEnforcement deadlines;

    @Test
    void aRegionsLineShowsItsMedianPercentileAndSharesWithWithdrawnLeftOutAndUnansweredOnesCountedLate()
            throws Exception {
        String region = newRegion();
        CurrentUser partner = users.newPartnerUser(partnerIn(region));
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        for (int hours : List.of(1, 2, 4, 5, 6, 7, 8)) {
            UUID id = submitted(mvc, partner, validDeal());
            review.approve(id, version(id), maria.id());
            decidedAfter(id, Duration.ofHours(hours));
        }
        UUID rejected = submitted(mvc, partner, validDeal());
        review.reject(rejected, version(rejected), maria.id(), RejectionReason.INCOMPLETE, "No contact at the customer.");
        decidedAfter(rejected, Duration.ofHours(3));
        UUID lateReview = submitted(mvc, partner, validDeal());
        review.approve(lateReview, version(lateReview), maria.id());
        decidedAfter(lateReview, Duration.ofHours(30));
        UUID atDeadline = submitted(mvc, partner, validDeal());
        deadlines.approveByProgramme(atDeadline, version(atDeadline));
        decidedAfter(atDeadline, Duration.ofHours(24).plusSeconds(40));
        submittedAgo(submitted(mvc, partner, validDeal()), Duration.ofHours(2));
        submittedAgo(submitted(mvc, partner, validDeal()), Duration.ofHours(26));
        submittedAgo(submitted(mvc, partner, validDeal()), Duration.ofHours(50));
        UUID withdrawn = submitted(mvc, partner, validDeal());
        mvc.perform(post("/deals/" + withdrawn + "/withdraw").param("version", String.valueOf(version(withdrawn)))
                .with(csrf()).with(user(partner)));
        assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, withdrawn))
                .isEqualTo("WITHDRAWN");
        submittedAgo(withdrawn, Duration.ofHours(60));
        submittedAgo(submitted(mvc, partner, validDeal()), Duration.ofDays(31));

        String line = line(page(maria), region);

        assertThat(figure(line, "submitted")).as("the one of 31 days ago is out of the period").isEqualTo("14");
        assertThat(figure(line, "decided")).isEqualTo("10");
        assertThat(figure(line, "waiting")).isEqualTo("3");
        assertThat(figure(line, "withdrawn")).isEqualTo("1");
        // decisions after 1, 2, 3, 4, 5, 6, 7, 8, 24:00:40 and 30 hours
        assertThat(figure(line, "median")).isEqualTo("5 h 30 min");
        assertThat(figure(line, "p95")).isEqualTo("27 h 18 min");
        assertThat(figure(line, "within24h")).as("8 decided in time and the programme's approval at the deadline, "
                + "out of 10 decided and 2 still waiting after 24 h").isEqualTo("75% 9 of 12");
        assertThat(figure(line, "within48h")).as("the one waiting for 50 h is late").isEqualTo("91% 10 of 11");
        assertThat(figure(line, "byProgramme")).isEqualTo("10% 1 of 10");

        List<Double> postgres = jdbc.queryForList("""
                select unnest(percentile_cont(array[0.5, 0.95])
                       within group (order by extract(epoch from r.decided_at - r.submitted_at)))
                  from registration r join partner p on p.id = r.partner_id
                 where p.region_code = ? and r.decided_at is not null""", Double.class, region);
        assertThat(postgres).as("seconds: the same as PostgreSQL's percentile_cont, before the seconds are dropped")
                .satisfiesExactly(median -> assertThat(median).isCloseTo(5.5 * 3600, within(0.01)),
                        p95 -> assertThat(p95).isCloseTo(27 * 3600 + 18 * 60 + 18.0, within(0.01)));
    }

    @Test
    void aRegionWithNothingSubmittedShowsDashesNotZeroPercent() throws Exception {
        String empty = newRegion();
        String onlyJustSubmitted = newRegion();
        submittedAgo(submitted(mvc, users.newPartnerUser(partnerIn(onlyJustSubmitted)), validDeal()), Duration.ofHours(3));

        String page = page(users.byEmail("ada@dealreg.example"));

        String line = line(page, empty);
        assertThat(figure(line, "submitted")).isEqualTo("0");
        for (String figure : List.of("median", "p95", "within24h", "within48h", "byProgramme")) {
            assertThat(figure(line, figure)).as(figure).isEqualTo("—");
        }
        String waitingOnly = line(page, onlyJustSubmitted);
        assertThat(figure(waitingOnly, "submitted")).isEqualTo("1");
        assertThat(figure(waitingOnly, "median")).isEqualTo("—");
        assertThat(figure(waitingOnly, "within24h")).as("it can still be answered in time").isEqualTo("—");
        assertThat(page).contains("data-region=\"ALL\"").contains("Withdrawn registrations were never decided");
    }

    @Test
    void theFiguresReadInFrench() throws Exception {
        String region = newRegion();
        CurrentUser partner = users.newPartnerUser(partnerIn(region));
        UUID id = submitted(mvc, partner, validDeal());
        review.approve(id, version(id), users.byEmail("maria@dealreg.example").id());
        decidedAfter(id, Duration.ofMinutes(90));
        submittedAgo(submitted(mvc, partner, validDeal()), Duration.ofHours(30));

        MockHttpServletResponse response = call(get("/reports/trust").header("Accept-Language", "fr"),
                users.byEmail("maria@dealreg.example"));
        String line = line(response.getContentAsString(), region);

        assertThat(response.getContentAsString()).contains("Chiffres de confiance").contains("Toutes les régions");
        assertThat(figure(line, "median")).isEqualTo("1 h 30 min");
        assertThat(figure(line, "within24h")).isEqualTo("50 % 1 sur 2");
    }

    @Test
    void onlyChannelManagersAndTheProgrammeAdminSeeTheFiguresAndTheirLink() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        CurrentUser partnerAdmin = users.byEmail("alice@northwind.example");
        CurrentUser rep = users.byEmail("sam@dealreg.example");
        for (CurrentUser outsider : List.of(partner, partnerAdmin, rep)) {
            assertThat(call(get("/reports/trust"), outsider).getStatus()).as(outsider.email()).isEqualTo(403);
            assertThat(call(get("/"), outsider).getContentAsString()).doesNotContain("href=\"/reports/trust\"");
        }
        assertThat(mvc.perform(get("/reports/trust")).andReturn().getResponse().getRedirectedUrl())
                .as("signed out").endsWith("/login");
        for (CurrentUser staff : List.of(users.byEmail("maria@dealreg.example"), users.byEmail("ada@dealreg.example"))) {
            assertThat(call(get("/reports/trust"), staff).getStatus()).isEqualTo(200);
            assertThat(call(get("/"), staff).getContentAsString()).contains("href=\"/reports/trust\"")
                    .contains("Trust figures");
        }
    }

    /** A sales region of its own, with one country, open since long ago. */
    private String newRegion() {
        for (char c = 'A'; c <= 'Z'; c++) {
            String code = "Q" + c;
            int added = jdbc.update("insert into region (code, currency, time_zone, default_locale, launch_date) "
                    + "values (?, 'USD', 'America/Chicago', 'en', date '2000-01-01') on conflict do nothing", code);
            if (added == 1) {
                jdbc.update("insert into region_country (country, region_code) values (?, ?)", code, code);
                users.programmeChangedBySql();
                return code;
            }
        }
        throw new IllegalStateException("No free test region code left");
    }

    private PartnerView partnerIn(String region) {
        return partners.addActive("Trust Test Partner " + UUID.randomUUID(), region, Tier.REGISTERED, java.util.Set.of());
    }


    /** Decided {@code took} after its submission, an hour ago. */
    private void decidedAfter(UUID id, Duration took) {
        Instant decided = databaseNow().minus(Duration.ofHours(1));
        jdbc.update("update registration set submitted_at = ?, decided_at = ? where id = ?",
                utc(decided.minus(took)), utc(decided), id);
    }

    private void submittedAgo(UUID id, Duration ago) {
        jdbc.update("update registration set submitted_at = ? where id = ?", utc(databaseNow().minus(ago)), id);
    }

    private Instant databaseNow() {
        return jdbc.queryForObject("select now()", OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private int version(UUID id) {
        return jdbc.queryForObject("select version from registration where id = ?", Integer.class, id);
    }

    private String page(CurrentUser user) throws Exception {
        MockHttpServletResponse response = call(get("/reports/trust"), user);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
        return mvc.perform(request.with(user(user))).andReturn().getResponse();
    }

    /** The table line of one region. */
    private static String line(String page, String region) {
        int start = page.indexOf("data-region=\"" + region + "\"");
        assertThat(start).as("a line for region " + region).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    /** A cell's text as a reader sees it: tags dropped, spaces (breaking or not) collapsed. */
    private static String figure(String line, String name) {
        Matcher cell = Pattern.compile("data-figure=\"" + name + "\"[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(line);
        assertThat(cell.find()).as("a cell " + name).isTrue();
        return cell.group(1).replaceAll("<[^>]+>", " ").replaceAll("[\\s\\u00a0\\u202f]+", " ").strip();
    }
}
