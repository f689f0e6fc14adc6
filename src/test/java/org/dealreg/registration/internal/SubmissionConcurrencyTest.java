package org.dealreg.registration.internal;

import org.dealreg.shared.RulesBroken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dealreg.GenerousCapsForTests;
import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.partners.PartnerStanding;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.Partners;
import org.dealreg.partners.Tier;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tier's cap of open registrations holds however many submissions of one partner run at once, without those
 * submissions waiting for each other; and a suspension or demotion committed before a submission commits applies to
 * it (docs/submission.md). Real threads on the real PostgreSQL.
 */
@IntegrationTest
class SubmissionConcurrencyTest {

    static final int THREADS = 16;

    @Autowired RegistrationService registrations;
    @Autowired TestUsers users;
    @Autowired Partners partners;
    @Autowired PartnerStanding standing;
    @Autowired ProgramSettings settings;
    @Autowired SubmissionHold hold;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    @AfterEach
    void generousCapsAgain() {
        settings.change(Setting.OPEN_CAP_REGISTERED, GenerousCapsForTests.CAP);
        settings.change(Setting.OPEN_CAP_CERTIFIED, GenerousCapsForTests.CAP);
    }

    @Test
    void ofSixteenSubmissionsAtOnceOfAPartnerOneBelowItsCapExactlyOneIsStoredEveryTime() throws Exception {
        settings.change(Setting.OPEN_CAP_REGISTERED, "4");
        for (int round = 1; round <= 5; round++) {
            CurrentUser user = users.newPartnerUser(users.newPartner("US"));
            for (int i = 0; i < 3; i++) {
                registrations.submit(user, form());
            }

            List<String> outcomes = race(user, THREADS);

            assertThat(outcomes).as("round " + round).filteredOn("stored"::equals).hasSize(1);
            assertThat(outcomes).as("round " + round).filteredOn("deal.cap.reached"::equals).hasSize(THREADS - 1);
            assertThat(open(user.partnerId())).as("round " + round).isEqualTo(4);
            assertThat(liveTickets(user.partnerId())).as("no refused submission's ticket is left").isZero();
        }
    }

    @Test
    void sixteenSubmissionsAtOnceOfAPartnerWithNoneOpenStoreExactlyItsCap() throws Exception {
        settings.change(Setting.OPEN_CAP_REGISTERED, "5");
        CurrentUser user = users.newPartnerUser(users.newPartner("US"));

        List<String> outcomes = race(user, THREADS);

        assertThat(outcomes).filteredOn("stored"::equals).hasSize(5);
        assertThat(outcomes).filteredOn("deal.cap.reached"::equals).hasSize(THREADS - 5);
        assertThat(open(user.partnerId())).isEqualTo(5);
    }

    @Test
    void aRulesBrokenForAnotherReasonLeavesNoTicketThatCounts() {
        settings.change(Setting.OPEN_CAP_REGISTERED, "2");
        CurrentUser user = users.newPartnerUser(users.newPartner("US"));
        registrations.submit(user, form());

        DealForm unknownSpecialisation = form("NO_SUCH_THING");
        assertThat(refusal(() -> registrations.submit(user, unknownSpecialisation)))
                .isEqualTo("deal.specialization.unknown");

        assertThat(refusal(() -> registrations.submit(user, form()))).as("the second of two").isNull();
        assertThat(refusal(() -> registrations.submit(user, form()))).isEqualTo("deal.cap.reached");
        assertThat(open(user.partnerId())).isEqualTo(2);
    }

    @Test
    void theTicketOfASubmissionThatNeverEndedCountsForTenMinutesOnly() {
        settings.change(Setting.OPEN_CAP_REGISTERED, "2");
        CurrentUser user = users.newPartnerUser(users.newPartner("US"));
        registrations.submit(user, form());
        // a node died in the middle of a submission: its ticket stayed, with no registration
        UUID orphan = UUID.randomUUID();
        jdbc.update("insert into registration_reservation (registration_id, partner_id, ticket, reserved_at) "
                + "values (?, ?, 0, now() - interval '9 minutes')", orphan, user.partnerId());

        assertThat(refusal(() -> registrations.submit(user, form()))).as("one open, one under way")
                .isEqualTo("deal.cap.reached");

        jdbc.update("update registration_reservation set reserved_at = now() - interval '11 minutes' "
                + "where registration_id = ?", orphan);
        assertThat(refusal(() -> registrations.submit(user, form()))).as("the orphan lapsed").isNull();
        assertThat(open(user.partnerId())).isEqualTo(2);
    }

    /**
     * A company's submissions count in sixteen slots by registration id (V39, and the dashboards' rollup, V75): two
     * under way at once wait for each other only when their ids fall in the same slot, one time in sixteen. So the
     * scenario is tried again when that happened (seen after the fact), and fails when the two did not share a slot.
     */
    @Test
    void aPartnersSecondSubmissionCompletesWhileItsFirstIsStillUnderWay() throws Exception {
        for (int attempt = 1; ; attempt++) {
            Boolean sharedSlot = secondSubmissionCompletesWhileTheFirstIsUnderWay();
            if (sharedSlot == null) {
                return;
            }
            assertThat(sharedSlot).as("the second waited although the two ids fall in different slots").isTrue();
            assertThat(attempt).as("ids in one slot three times running").isLessThan(3);
        }
    }

    /** Null when the second completed first; else whether the two ids fell in the same slot. */
    private Boolean secondSubmissionCompletesWhileTheFirstIsUnderWay() throws Exception {
        PartnerView company = users.newPartner("US");
        CurrentUser first = users.newPartnerUser(company);
        CurrentUser second = users.newPartnerUser(company);
        SubmissionHold.Hold held = hold.arm(first.id());
        CompletableFuture<UUID> firstSubmission = CompletableFuture.supplyAsync(() -> registrations.submit(first, form()));
        held.awaitHeld();
        CompletableFuture<UUID> secondSubmission = CompletableFuture.supplyAsync(() -> registrations.submit(second, form()));
        try {
            UUID secondId = secondSubmission.get(20, TimeUnit.SECONDS);
            assertThat(jdbc.queryForObject("select count(*) from registration where id = ?", Long.class, secondId))
                    .as("the second is committed").isOne();
            assertThat(firstSubmission).as("while the first still holds its transaction open").isNotDone();
        } catch (java.util.concurrent.TimeoutException waited) {
            held.release();
            UUID firstId = firstSubmission.get(20, TimeUnit.SECONDS);
            UUID secondId = secondSubmission.get(20, TimeUnit.SECONDS);
            return jdbc.queryForObject("select registration_open_slot(?) = registration_open_slot(?)", Boolean.class,
                    firstId, secondId);
        } finally {
            held.release();
        }
        UUID firstId = firstSubmission.get(20, TimeUnit.SECONDS);
        assertThat(jdbc.queryForObject("select count(*) from registration where id = ?", Long.class, firstId)).isOne();
        return null;
    }

    @Test
    void aSuspensionCommittedWhileASubmissionWaitsForItIsRespected() throws Exception {
        PartnerView company = users.newPartner("US");
        CurrentUser user = users.newPartnerUser(company);
        UUID manager = users.newUser(Role.CHANNEL_MANAGER, null).id();
        Transaction suspension = inTransaction(() -> standing.suspend(company.id(), "Unpaid invoices.", manager));
        suspension.awaitDone();
        CompletableFuture<UUID> submission = CompletableFuture.supplyAsync(() -> registrations.submit(user, form()));
        try {
            awaitWaitingFor("for share");
        } finally {
            suspension.commit();
        }

        assertThat(refusal(() -> submission.get(20, TimeUnit.SECONDS))).isEqualTo("deal.partner.inactive");
        assertThat(open(company.id())).isZero();
        assertThat(liveTickets(company.id())).isZero();
    }

    @Test
    void aSuspensionWaitsForASubmissionUnderWayWhichIsStored() throws Exception {
        PartnerView company = users.newPartner("US");
        CurrentUser user = users.newPartnerUser(company);
        UUID manager = users.newUser(Role.CHANNEL_MANAGER, null).id();
        SubmissionHold.Hold held = hold.arm(user.id());
        CompletableFuture<UUID> submission = CompletableFuture.supplyAsync(() -> registrations.submit(user, form()));
        held.awaitHeld();
        CompletableFuture<Void> suspension;
        try {
            suspension = CompletableFuture.runAsync(() -> standing.suspend(company.id(), "Unpaid invoices.", manager));
            awaitWaitingFor("for no key update");
            assertThat(suspension).isNotDone();
        } finally {
            held.release();
        }
        UUID id = submission.get(20, TimeUnit.SECONDS);
        suspension.get(20, TimeUnit.SECONDS);

        assertThat(jdbc.queryForObject("select status from partner where id = ?", String.class, company.id()))
                .isEqualTo("SUSPENDED");
        assertThat(jdbc.queryForObject("select count(*) from registration where id = ?", Long.class, id))
                .as("committed before the suspension").isOne();
    }

    @Test
    void aDemotionCommittedWhileASubmissionWaitsForItAppliesTheLowerTiersCap() throws Exception {
        settings.change(Setting.OPEN_CAP_REGISTERED, "1");
        settings.change(Setting.OPEN_CAP_CERTIFIED, "3");
        PartnerView company = partners.addActive("Test Partner " + UUID.randomUUID(), "US", Tier.CERTIFIED,
                Set.of("INFRASTRUCTURE"));
        CurrentUser user = users.newPartnerUser(company);
        UUID manager = users.newUser(Role.CHANNEL_MANAGER, null).id();
        registrations.submit(user, form());
        Transaction demotion = inTransaction(() -> standing.demote(company.id(), "Objective missed.", manager));
        demotion.awaitDone();
        CompletableFuture<UUID> submission = CompletableFuture.supplyAsync(() -> registrations.submit(user, form()));
        try {
            awaitWaitingFor("for share");
        } finally {
            demotion.commit();
        }

        assertThat(refusal(() -> submission.get(20, TimeUnit.SECONDS))).as("a Registered partner's cap is 1 here")
                .isEqualTo("deal.cap.reached");
        assertThat(open(company.id())).isOne();
    }

    /** Every thread submits a deal of its own at the same instant; answers "stored" or the refusal's code each. */
    private List<String> race(CurrentUser user, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<String>> submissions = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                DealForm form = form();
                submissions.add(pool.submit(() -> {
                    gate.await();
                    String refused = refusal(() -> registrations.submit(user, form));
                    return refused == null ? "stored" : refused;
                }));
            }
            gate.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> submission : submissions) {
                outcomes.add(submission.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Call {
        Object call() throws Exception;
    }

    /** The code of the rule the submission broke, or null when it was stored; anything else fails the test. */
    private static String refusal(Call submission) {
        Throwable thrown = catchThrowable(submission::call);
        if (thrown instanceof ExecutionException execution) {
            thrown = execution.getCause();
        }
        if (thrown == null) {
            return null;
        }
        if (thrown instanceof RulesBroken refused) {
            return refused.problems().get(0).code();
        }
        throw new AssertionError("Neither stored nor refused", thrown);
    }

    /** A change of the partner made in a transaction that stays open until the test commits it. */
    private Transaction inTransaction(Runnable change) {
        Transaction transaction = new Transaction();
        transaction.outcome = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    change.run();
                    transaction.done.countDown();
                    try {
                        if (!transaction.commit.await(60, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("never committed");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }));
        return transaction;
    }

    private static final class Transaction {

        final CountDownLatch done = new CountDownLatch(1);
        final CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> outcome;

        void awaitDone() throws Exception {
            if (!done.await(20, TimeUnit.SECONDS)) {
                outcome.get(1, TimeUnit.SECONDS);
                throw new IllegalStateException("the change did not get done");
            }
        }

        void commit() throws Exception {
            commit.countDown();
            outcome.get(20, TimeUnit.SECONDS);
        }
    }

    /** A backend of this database waits for a lock in a statement with that text (the partner's row, here). */
    private void awaitWaitingFor(String statementPart) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                select count(*) from pg_stat_activity
                 where datname = current_database() and wait_event_type = 'Lock' and query like ?""", Long.class,
                "%" + statementPart + "%") > 0);
    }

    /** The partner's open registrations, counted row by row; the kept count (V39) must say the same. */
    private long open(UUID partnerId) {
        long counted = jdbc.queryForObject("select count(*) from registration where partner_id = ? "
                + "and status in ('SUBMITTED', 'APPROVED')", Long.class, partnerId);
        assertThat(new OpenRegistrations(jdbc).of(partnerId)).as("the kept count").isEqualTo(counted);
        return counted;
    }

    private long liveTickets(UUID partnerId) {
        return jdbc.queryForObject("""
                select count(*) from registration_reservation r where r.partner_id = ?
                   and not exists (select 1 from registration g where g.id = r.registration_id)""", Long.class,
                partnerId);
    }

    private static DealForm form() {
        return form("INFRASTRUCTURE");
    }

    private static DealForm form(String specialization) {
        String customer = "Quota" + UUID.randomUUID().toString().substring(0, 8);
        return new DealForm(customer + " Corp", "https://" + customer.toLowerCase() + ".example", "US", null, "Buyer",
                "buyer@" + customer.toLowerCase() + ".example", null, "Quota", "Counted against the cap.",
                specialization, "100000", "USD", LocalDate.now().plusMonths(2), null);
    }
}
