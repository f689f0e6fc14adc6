package org.dealreg.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.version;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.registration.ExtensionReview;
import org.dealreg.registration.ManagerReview;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Protection after approval ends on its own (DESIGN.md §4): the job, run at chosen times, reminds the partner 14, 7
 * and 1 days before the end, each once, and expires the registration at the end, freeing the customer — exactly
 * once even when two runs overlap.
 */
@IntegrationTest
class ProtectionJobTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProtectionJob job;
    @Autowired ManagerReview review;
    @Autowired ExtensionReview extensions;

    @Test
    void approvalReservesTheCustomerForTheProtectionDaysInForce() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        UUID id = approved(bob);

        Duration protection = Duration.between(instant("decided_at", id), instant("protection_ends_at", id));
        assertThat(protection).isEqualTo(Duration.ofDays(90));
        assertThat(mvc.perform(get("/deals").with(user(bob))).andReturn().getResponse().getContentAsString())
                .as("the list says until when").contains("reserved until");
    }

    @Test
    void thePartnerIsRemindedFourteenSevenAndOneDayBeforeTheEndEachOnce() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        UUID id = approved(bob);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

        endsIn(id, now, Duration.ofDays(15));
        job.run(now);
        assertThat(reminders(bob)).as("too early").isZero();

        endsIn(id, now, Duration.ofDays(14));
        twice(now);
        assertThat(reminders(bob)).isEqualTo(1);
        endsIn(id, now, Duration.ofDays(10));
        job.run(now);
        assertThat(reminders(bob)).as("nothing new between steps").isEqualTo(1);

        endsIn(id, now, Duration.ofDays(6));
        twice(now);
        assertThat(reminders(bob)).isEqualTo(2);

        endsIn(id, now, Duration.ofHours(20));
        twice(now);
        assertThat(reminders(bob)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select protection_reminded_days from registration where id = ?", Integer.class, id))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, id))
                .isEqualTo("APPROVED");
    }

    @Test
    void aJobThatMissedStepsSendsOnlyTheMostUrgentReminder() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        UUID id = approved(bob);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        endsIn(id, now, Duration.ofDays(3));

        job.run(now);

        assertThat(reminders(bob)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select protection_reminded_days from registration where id = ?", Integer.class, id))
                .isEqualTo(7);
    }

    @Test
    void atTheEndOfProtectionTheRegistrationExpiresOnceAndTheCustomerIsFree() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        UUID id = approved(bob);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

        endsIn(id, now, Duration.ofSeconds(60));
        job.run(now);
        assertThat(status(id)).isEqualTo("APPROVED");

        endsIn(id, now, Duration.ofSeconds(-1));
        twice(now);

        assertThat(status(id)).isEqualTo("EXPIRED");
        assertThat(instant("ended_at", id)).isEqualTo(now);
        assertThat(jdbc.queryForList("select action from registration_history where registration_id = ? order by id",
                String.class, id)).containsExactly("SUBMITTED", "APPROVED", "EXPIRED");
        assertThat(jdbc.queryForObject("select released_at from customer_claim where registration_id = ?",
                java.sql.Timestamp.class, id)).as("the customer is free again").isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'REGISTRATION_EXPIRED' "
                + "and subject_id = ?", Integer.class, id.toString())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from notification where user_id = ? and kind = 'expired'",
                Integer.class, bob.id())).isEqualTo(1);
    }

    @Test
    void aRequestMadeInTimeKeepsTheCustomerReservedUntilAManagerAnswers() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        UUID id = approved(bob);
        mvc.perform(post("/deals/{id}/extension", id).param("version", version(jdbc, id))
                .param("reason", "The customer's board meets next month.").with(csrf()).with(user(bob)));
        UUID request = jdbc.queryForObject("select id from extension_request where registration_id = ?", UUID.class, id);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        endsIn(id, now, Duration.ofDays(-2));

        job.run(now);
        assertThat(status(id)).isEqualTo("APPROVED");

        extensions.decline(id, request, users.byEmail("maria@dealreg.example").id(), "The customer already chose.");
        job.run(now);
        assertThat(status(id)).isEqualTo("EXPIRED");
    }

    @Test
    void anUnansweredRequestHoldsTheExpiryForOneExtensionsLengthAtMostAndThenLapses() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        UUID id = approved(bob);
        mvc.perform(post("/deals/{id}/extension", id).param("version", version(jdbc, id))
                .param("reason", "Nobody will answer this.").with(csrf()).with(user(bob)));
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

        endsIn(id, now, Duration.ofDays(-29));
        job.run(now);
        assertThat(status(id)).isEqualTo("APPROVED");

        endsIn(id, now, Duration.ofDays(-30));
        job.run(now);
        assertThat(status(id)).isEqualTo("EXPIRED");
        assertThat(jdbc.queryForObject("select status from extension_request where registration_id = ?", String.class, id))
                .isEqualTo("LAPSED");
    }

    /**
     * Moves this registration's end of protection, rather than running the job in the future, which would expire
     * every other test's approved registrations too.
     */
    private void endsIn(UUID id, Instant now, Duration left) {
        jdbc.update("update registration set protection_ends_at = ? where id = ?",
                java.sql.Timestamp.from(now.plus(left)), id);
    }

    private void twice(Instant at) {
        CompletableFuture<?> first = CompletableFuture.runAsync(() -> job.run(at));
        CompletableFuture<?> second = CompletableFuture.runAsync(() -> job.run(at));
        CompletableFuture.allOf(first, second).join();
    }

    private UUID approved(CurrentUser partner) throws Exception {
        UUID id = submitted(mvc, partner, validDeal());
        int version = jdbc.queryForObject("select version from registration where id = ?", Integer.class, id);
        review.approve(id, version, users.byEmail("maria@dealreg.example").id());
        return id;
    }

    private int reminders(CurrentUser partner) {
        return jdbc.queryForObject("select count(*) from notification where user_id = ? and kind = 'protectionEnding'",
                Integer.class, partner.id());
    }

    private Instant instant(String column, UUID id) {
        return jdbc.queryForObject("select " + column + " from registration where id = ?", java.sql.Timestamp.class, id)
                .toInstant();
    }

    private String status(UUID id) {
        return jdbc.queryForObject("select status from registration where id = ?", String.class, id);
    }

}
