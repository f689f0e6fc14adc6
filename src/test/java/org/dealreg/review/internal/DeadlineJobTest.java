package org.dealreg.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.accounts.AccountBook;
import org.dealreg.identity.CurrentUser;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.dealreg.registration.DeadlineEnforcement;
import org.dealreg.registration.ManagerReview;
import org.dealreg.registration.PendingRegistration;
import org.dealreg.registration.RejectionReason;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The promise kept with nobody watching (DESIGN.md §5): the job, run at a chosen time, reminds at 75 %, approves
 * an untouched CLEAR registration at its deadline and escalates one with a possible conflict, each exactly once
 * even when two runs overlap.
 */
@IntegrationTest
class DeadlineJobTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired DeadlineJob job;
    @Autowired DeadlineEnforcement deadlines;
    @Autowired ProgramSettings settings;
    @Autowired AccountBook book;
    @Autowired ManagerReview review;

    @Test
    void atItsDeadlineAnUntouchedClearRegistrationIsApprovedByTheProgrammeAndOneWithAConflictIsEscalated()
            throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID clear = submitted(mvc, partner, validDeal());
        UUID review = submitted(mvc, partner, ownedCustomer());
        UUID notYet = submitted(mvc, partner, validDeal());
        Instant now = Instant.now();
        hoursAgo(clear, 25, 24);
        hoursAgo(review, 49, 48);

        twoRunsAtOnce(() -> job.run(now));

        assertThat(row(clear).get("status")).isEqualTo("APPROVED");
        assertThat(row(clear).get("decided_by")).as("decided by the programme, not a manager").isNull();
        assertThat(history(clear)).containsExactly("SUBMITTED", "APPROVED");
        assertThat(row(review).get("status")).as("a person must look at a possible conflict").isEqualTo("SUBMITTED");
        assertThat(row(review).get("escalated_at")).isNotNull();
        assertThat(history(review)).containsExactly("SUBMITTED", "ESCALATED");
        assertThat(row(notYet).get("status")).isEqualTo("SUBMITTED");
        assertThat(row(notYet).get("escalated_at")).isNull();

        job.run(now.plusSeconds(60));
        assertThat(history(clear)).containsExactly("SUBMITTED", "APPROVED");
        assertThat(history(review)).as("escalated once, not every minute").containsExactly("SUBMITTED", "ESCALATED");
    }

    @Test
    void withEscalateOnlyEvenAClearRegistrationWaitsForAPerson() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID clear = submitted(mvc, partner, validDeal());
        hoursAgo(clear, 25, 24);
        settings.change(Setting.BREACH_POLICY, "ESCALATE_ONLY");
        try {
            job.run(Instant.now());
        } finally {
            settings.change(Setting.BREACH_POLICY, "AUTO_APPROVE_CLEAR");
        }
        assertThat(row(clear).get("status")).isEqualTo("SUBMITTED");
        assertThat(history(clear)).containsExactly("SUBMITTED", "ESCALATED");
    }

    @Test
    void theManagersAreRemindedOnceAtThreeQuartersOfTheWindow() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID early = submitted(mvc, partner, validDeal());
        UUID late = submitted(mvc, partner, validDeal());
        hoursAgo(early, 17, 24);   // 17 of 24 hours: 71 %
        hoursAgo(late, 19, 24);    // 19 of 24 hours: 79 %

        job.run(Instant.now());
        assertThat(row(early).get("reminded_at")).isNull();
        assertThat(row(late).get("reminded_at")).isNotNull();

        jdbc.update("update registration set reminded_at = null where id = ?", late);
        List<Boolean> both = twoRunsAtOnce(() -> deadlines.remind(late, Instant.now()));
        assertThat(both).as("exactly one of two simultaneous reminders is sent").containsExactlyInAnyOrder(true, false);
    }

    @Test
    void aManagersDecisionJustBeforeTheJobWins() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID clear = submitted(mvc, partner, validDeal());
        hoursAgo(clear, 25, 24);
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        int seen = jdbc.queryForObject("select version from registration where id = ?", Integer.class, clear);
        List<PendingRegistration> late = deadlines.pastDeadline(Instant.now());

        review.reject(clear, seen, maria.id(), RejectionReason.INCOMPLETE, "Missing details.");
        job.run(Instant.now());

        assertThat(late).extracting(PendingRegistration::id).contains(clear);
        assertThat(row(clear).get("status")).isEqualTo("REJECTED");
        assertThat(history(clear)).containsExactly("SUBMITTED", "REJECTED");
    }

    /** Moves a registration into the past: submitted {@code age} hours ago with a window of {@code window} hours. */
    private void hoursAgo(UUID id, int age, int window) {
        jdbc.update("update registration set submitted_at = now() - make_interval(hours => ?), "
                + "decision_due_at = now() - make_interval(hours => ?) + make_interval(hours => ?), "
                + "remind_at = now() - make_interval(hours => ?) + make_interval(hours => ?) * 0.75 where id = ?",
                age, age, window, age, window, id);
    }

    private <T> List<T> twoRunsAtOnce(Callable<T> run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return run.call();
                }));
            }
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, String> ownedCustomer() {
        String owned = "Ownedco " + UUID.randomUUID().toString().substring(0, 8);
        book.upsert("CRM-" + UUID.randomUUID(), owned, "US", Set.of(), users.byEmail("sam@dealreg.example").id());
        Map<String, String> deal = validDeal();
        deal.put("customerName", owned);
        deal.put("customerWebsite", "");
        deal.put("contactEmail", "someone@gmail.com");
        return deal;
    }


    private Map<String, Object> row(UUID id) {
        return jdbc.queryForMap("select status, decided_by, escalated_at, reminded_at from registration where id = ?", id);
    }

    private List<String> history(UUID id) {
        return jdbc.queryForList("select action from registration_history where registration_id = ? order by id",
                String.class, id);
    }
}
