package org.dealreg.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writers append without waiting for each other; one sealer at a time chains what they committed, gap-free, and the
 * admin's page says what is not sealed yet (issue 12, docs/audit.md).
 */
@IntegrationTest
class AuditSealerTest {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);

    @Autowired AuditTrail trail;
    @Autowired AuditSealer sealer;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired DataSource dataSource;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aWriterDoesNotWaitForAnotherWritersOpenTransactionAndBothAreSealedAfterItCommits() throws Exception {
        CountDownLatch aWrote = new CountDownLatch(1);
        CountDownLatch aMayCommit = new CountDownLatch(1);
        Future<Long> a = threads.submit(() -> transactions.execute(status -> {
            long seq = trail.append(null, "", "TEST_EVENT", "test", "writer-a", "").seq();
            aWrote.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> aMayCommit.getCount() == 0);
            return seq;
        }));
        assertThat(aWrote.await(10, TimeUnit.SECONDS)).isTrue();

        Future<Long> b = threads.submit(() -> transactions.execute(
                status -> trail.append(null, "", "TEST_EVENT", "test", "writer-b", "").seq()));
        long bSeq = b.get(WRITE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        awaitSealed(bSeq);
        assertThat(sealSeq(bSeq)).as("B is sealed while A is still open").isNotNull();

        aMayCommit.countDown();
        long aSeq = a.get(10, TimeUnit.SECONDS);
        awaitSealed(aSeq);
        assertThat(aSeq).as("A wrote first").isLessThan(bSeq);
        assertThat(sealSeq(aSeq)).as("the chain's order is the order of sealing").isGreaterThan(sealSeq(bSeq));
        assertGapFreeAndIntact();
    }

    @Test
    void aWriterDoesNotWaitForTheSealerAndThePageSaysWhatIsNotSealedYet() throws Exception {
        // a sealer that hangs: it holds the sealers' lock in a connection of its own
        try (Connection stuck = dataSource.getConnection()) {
            try (PreparedStatement lock = stuck.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, AuditSealer.SEALER_LOCK);
                lock.execute();
            }
            Future<Long> write = threads.submit(() -> trail.append(null, "", "TEST_EVENT", "test", "while-stuck", "").seq());
            long seq = write.get(WRITE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(sealSeq(seq)).isNull();
            assertThat(page()).contains("id=\"chain-intact\"").contains("id=\"chain-pending\"")
                    .containsPattern("\\d+ events are not sealed into the chain yet, the oldest since ")
                    .contains("not sealed yet");
            assertThat(trail.verify().unsealed()).isPositive();

            try (PreparedStatement unlock = stuck.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, AuditSealer.SEALER_LOCK);
                unlock.execute();
            }
            awaitSealed(seq);
        }
        assertThat(page()).contains("id=\"chain-intact\"").doesNotContain("id=\"chain-pending\"");
    }

    @Test
    void twoSealersAtOnceGiveEachRowOnePlaceWithNoGapAndNoDuplicate() throws Exception {
        long before = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_event", Long.class);
        int rows = 2 * AuditSealer.BATCH + 100;
        // SQL rows, as from a script: no nudge, so the two sealers below find them waiting (the sweep may join in)
        jdbc.update("insert into audit_event (at, action, subject_type, subject_id) "
                + "select clock_timestamp(), 'TEST_EVENT', 'test', 'bulk-' || n from generate_series(1, ?) n", rows);

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> sealers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sealers.add(CompletableFuture.supplyAsync(() -> {
                await().until(() -> go.getCount() == 0);
                return sealer.sealCommitted();
            }, threads));
        }
        go.countDown();
        for (CompletableFuture<Integer> s : sealers) {
            assertThat(s.get(60, TimeUnit.SECONDS)).as("neither failed").isNotNull();
        }

        assertThat(jdbc.queryForObject("select count(*) from audit_event where seq > ? and seal_seq is null",
                Long.class, before)).isZero();
        assertGapFreeAndIntact();
    }

    @Test
    void aSealedRowRemovedBehindTheApplicationsBackLeavesAGapThePageNames() throws Exception {
        long first = trail.append(null, "", "TEST_EVENT", "test", "removed", "").seq();
        awaitSealed(trail.append(null, "", "TEST_EVENT", "test", "kept", "").seq());
        Map<String, Object> row = jdbc.queryForMap("select * from audit_event where seq = ?", first);
        long position = (Long) row.get("seal_seq");

        jdbc.execute("alter table audit_event disable trigger audit_event_no_update_or_delete");
        try {
            jdbc.update("delete from audit_event where seq = ?", first);
            AuditTrail.Verification broken = trail.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.problem()).isEqualTo("missing");
            assertThat(broken.brokenAt()).isEqualTo(position);
            assertThat(page()).contains("id=\"chain-broken\"")
                    .contains("The chain breaks at seal no. " + position + ": the event sealed there is missing");
        } finally {
            jdbc.update("insert into audit_event (seq, at, actor_id, actor_label, action, subject_type, subject_id, "
                    + "details, seal_seq, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("seq"),
                    row.get("at"), row.get("actor_id"), row.get("actor_label"), row.get("action"),
                    row.get("subject_type"), row.get("subject_id"), row.get("details"), row.get("seal_seq"),
                    row.get("prev_hash"), row.get("hash"));
            jdbc.execute("alter table audit_event enable trigger audit_event_no_update_or_delete");
        }
        assertThat(trail.verify().intact()).as("restored").isTrue();
    }

    private void assertGapFreeAndIntact() {
        Map<String, Object> seals = jdbc.queryForMap(
                "select count(seal_seq) as n, count(distinct seal_seq) as d, min(seal_seq) as lo, max(seal_seq) as hi "
                        + "from audit_event");
        assertThat(seals.get("lo")).isEqualTo(1L);
        assertThat(seals.get("d")).isEqualTo(seals.get("n"));
        assertThat(seals.get("hi")).as("no gap").isEqualTo(seals.get("n"));
        AuditTrail.Verification verification = trail.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.rowsChecked()).isEqualTo(seals.get("n"));
    }

    private void awaitSealed(long seq) {
        await().atMost(Duration.ofSeconds(10)).until(() -> sealSeq(seq) != null);
    }

    private Long sealSeq(long seq) {
        return jdbc.queryForObject("select seal_seq from audit_event where seq = ?", Long.class, seq);
    }

    private String page() throws Exception {
        return mvc.perform(get("/admin/audit").with(user(users.byEmail("ada@dealreg.example")))).andReturn()
                .getResponse().getContentAsString();
    }
}
