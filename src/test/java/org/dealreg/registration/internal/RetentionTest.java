package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.version;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.dealreg.registration.ManagerReview;
import org.dealreg.registration.RejectionReason;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Retention purge: the customer contact of a registration that ended more than the retention period ago is erased,
 * once, audited, and the rest of the registration stays for reporting. The job runs at a fixed time years before
 * today, so only the registrations these tests move into that past can be due.
 */
@IntegrationTest
class RetentionTest {

    private static final Instant NOW = Instant.parse("2024-06-15T03:30:00Z");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired RetentionJob job;
    @Autowired ProgramSettings settings;
    @Autowired ManagerReview review;

    @Test
    void theContactOfARegistrationThatEndedThirteenMonthsAgoIsErasedAndEverythingElseKept() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID old = withdrawn(partner, 13);
        UUID recent = withdrawn(partner, 11);
        Map<String, Object> before = jdbc.queryForMap("select * from registration where id = ?", old);

        job.run(NOW);

        Map<String, Object> after = jdbc.queryForMap("select * from registration where id = ?", old);
        assertThat(after.get("contact_name")).isNull();
        assertThat(after.get("contact_email")).isNull();
        assertThat(after.get("contact_phone")).isNull();
        assertThat(after.get("contact_email_index")).as("the blind index goes with the address").isNull();
        assertThat(((Timestamp) after.get("personal_data_erased_at")).toInstant()).isEqualTo(NOW);
        assertThat(withoutContact(after)).as("status, customer, amounts, dates, blind indexes and version unchanged")
                .isEqualTo(withoutContact(before));
        assertThat(before.get("customer_name")).isNotNull();
        assertThat(after.get("status")).isEqualTo("WITHDRAWN");

        List<Map<String, Object>> audited = erasures(old);
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).get("actor_id")).as("the programme did it").isNull();
        assertThat((String) audited.get(0).get("details")).contains("partner=" + partner.partnerId())
                .contains("endedAt=" + ((Timestamp) before.get("ended_at")).toInstant()).contains("erasedAt=" + NOW)
                .doesNotContain("Contact ");

        assertKept(recent);
        assertThat(erasures(recent)).isEmpty();
    }

    @Test
    void aRegistrationStillOpenIsNeverErasedWhateverItsAge() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID submitted = submitted(mvc, partner, deal());
        UUID approved = submitted(mvc, partner, deal());
        review.approve(approved, Integer.parseInt(version(jdbc, approved)), users.byEmail("maria@dealreg.example").id());
        jdbc.update("update registration set submitted_at = ?::timestamptz - interval '5 years', "
                + "decided_at = case when decided_at is null then null else ?::timestamptz - interval '5 years' end "
                + "where id in (?, ?)", Timestamp.from(NOW), Timestamp.from(NOW), submitted, approved);

        job.run(NOW);

        assertKept(submitted);
        assertKept(approved);
    }

    @Test
    void runningTheJobAgainOrTwiceAtOnceErasesAndAuditsOnce() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID old = withdrawn(partner, 13);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (Future<Integer> run : pool.invokeAll(List.<Callable<Integer>>of(() -> job.run(NOW), () -> job.run(NOW)))) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        job.run(NOW.plusSeconds(86_400));

        assertThat(erasures(old)).hasSize(1);
        assertThat(jdbc.queryForObject("select personal_data_erased_at from registration where id = ?", Timestamp.class,
                old).toInstant()).as("erased by the first run, not again the next day").isEqualTo(NOW);
    }

    @Test
    void theSettingChangesThePeriod() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID fourMonths = withdrawn(partner, 4);

        job.run(NOW);
        assertKept(fourMonths);

        assertThat(runWithRetentionMonths("3")).isGreaterThanOrEqualTo(1);
        assertErased(fourMonths);
    }

    @Test
    void aSettingThatIsNotAWholeNumberOfMonthsFromOneUpErasesNothing() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID justEnded = withdrawn(partner, 0);
        UUID old = withdrawn(partner, 13);

        for (String unusable : List.of("0", "-1", "twelve")) {
            assertThat(runWithRetentionMonths(unusable)).as(unusable).isZero();
        }
        assertKept(justEnded);
        assertKept(old);
    }

    @Test
    void aLargeBacklogIsErasedBatchAfterBatchInOneRun() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID withdrawn = withdrawn(partner, 14);
        UUID rejected = submitted(mvc, partner, deal());
        review.reject(rejected, Integer.parseInt(version(jdbc, rejected)), users.byEmail("maria@dealreg.example").id(),
                RejectionReason.INCOMPLETE, "Missing details.");
        endedMonthsBefore(rejected, 20);
        UUID lost = submitted(mvc, partner, deal());
        review.approve(lost, Integer.parseInt(version(jdbc, lost)), users.byEmail("maria@dealreg.example").id());
        mvc.perform(post("/deals/{id}/close", lost).param("outcome", "LOST").param("version", version(jdbc, lost))
                .param("lostReason", "Budget cut.").with(csrf()).with(user(partner)));
        endedMonthsBefore(lost, 13);

        assertThat(job.run(NOW, 1)).isGreaterThanOrEqualTo(3);

        assertErased(withdrawn);
        assertErased(rejected);
        assertErased(lost);
        assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, lost))
                .isEqualTo("LOST");
        assertThat(jdbc.queryForObject("select rejection_comment is not null from registration where id = ?",
                Boolean.class, rejected)).as("the manager's comment is not the contact's and stays").isTrue();
    }

    @Test
    void thePagesOfAnErasedRegistrationStillOpenAndSayWhenTheContactWasErased() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        Map<String, String> deal = deal();
        UUID old = withdrawn(partner, deal, 13);
        job.run(NOW);

        MockHttpServletResponse page = mvc.perform(get("/deals/" + old).with(user(partner))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("id=\"contact-erased\"")
                .contains("erased on Jun 14, 2024")      // 03:30 UTC is the evening before in New York
                .contains(deal.get("customerName")).contains("Withdrawn on")
                .doesNotContain(deal.get("contactName")).doesNotContain(deal.get("contactEmail"));

        MockHttpServletResponse staff = mvc.perform(get("/review/" + old)
                .with(user(users.byEmail("maria@dealreg.example")))).andReturn().getResponse();
        assertThat(staff.getStatus()).isEqualTo(200);
        assertThat(staff.getContentAsString()).contains("id=\"contact-erased\"")
                .doesNotContain(deal.get("contactEmail"));

        UUID kept = submitted(mvc, partner, deal());
        assertThat(mvc.perform(get("/deals/" + kept).with(user(partner))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("contact-erased");
    }

    private UUID withdrawn(CurrentUser partner, int monthsBeforeNow) throws Exception {
        return withdrawn(partner, deal(), monthsBeforeNow);
    }

    /** Registers and withdraws the deal, then moves its end that many calendar months before the job's time. */
    private UUID withdrawn(CurrentUser partner, Map<String, String> deal, int monthsBeforeNow) throws Exception {
        UUID id = submitted(mvc, partner, deal);
        int status = mvc.perform(post("/deals/" + id + "/withdraw").param("version", version(jdbc, id)).with(csrf())
                .with(user(partner))).andReturn().getResponse().getStatus();
        assertThat(status).as("withdrawn").isEqualTo(302);
        endedMonthsBefore(id, monthsBeforeNow);
        return id;
    }

    /** Runs the job at {@link #NOW} with the setting at that value, then puts the default back. */
    private int runWithRetentionMonths(String value) {
        settings.change(Setting.PERSONAL_DATA_RETENTION_MONTHS, value);
        try {
            return job.run(NOW);
        } finally {
            settings.change(Setting.PERSONAL_DATA_RETENTION_MONTHS, "12");
        }
    }

    private void endedMonthsBefore(UUID id, int months) {
        Instant endedAt = NOW.atOffset(ZoneOffset.UTC).minusMonths(months).minusMinutes(1).toInstant();
        assertThat(jdbc.update("update registration set ended_at = ? where id = ? and ended_at is not null",
                Timestamp.from(endedAt), id)).as("it had ended").isEqualTo(1);
    }

    /** A valid deal whose contact is its own, so a page or the trail showing it would be found. */
    private static Map<String, String> deal() {
        Map<String, String> deal = validDeal();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        deal.put("contactName", "Contact " + tag);
        deal.put("contactEmail", "contact-" + tag + "@" + deal.get("contactEmail").split("@")[1]);
        return deal;
    }

    private void assertKept(UUID id) {
        Map<String, Object> row = contact(id);
        assertThat(row.get("contact_name")).as("contact name kept").isNotNull();
        assertThat(row.get("contact_email")).as("contact e-mail kept").isNotNull();
        assertThat(row.get("contact_phone")).as("contact phone kept").isNotNull();
        assertThat(row.get("personal_data_erased_at")).isNull();
    }

    private void assertErased(UUID id) {
        Map<String, Object> row = contact(id);
        assertThat(row.get("contact_name")).isNull();
        assertThat(row.get("contact_email")).isNull();
        assertThat(row.get("contact_phone")).isNull();
        assertThat(row.get("personal_data_erased_at")).isNotNull();
        assertThat(erasures(id)).hasSize(1);
    }

    private Map<String, Object> contact(UUID id) {
        return jdbc.queryForMap(
                "select contact_name, contact_email, contact_phone, personal_data_erased_at from registration where id = ?",
                id);
    }

    private List<Map<String, Object>> erasures(UUID id) {
        return jdbc.queryForList("select actor_id, details from audit_event where action = 'PERSONAL_DATA_ERASED' "
                + "and subject_type = 'registration' and subject_id = ? order by seq", id.toString());
    }

    /** What an erasure leaves alone: all but the contact, when it was erased, and when the row last changed. */
    private static Map<String, Object> withoutContact(Map<String, Object> row) {
        Map<String, Object> rest = new HashMap<>(row);
        List.of("contact_name", "contact_email", "contact_phone", "contact_email_index", "personal_data_erased_at", "changed_at")
                .forEach(rest::remove);
        return rest;
    }
}
