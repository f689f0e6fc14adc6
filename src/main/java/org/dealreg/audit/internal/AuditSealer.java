package org.dealreg.audit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.dealreg.shared.Nudged;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains the committed rows of the trail: each unsealed row gets the next chain position ({@code seal_seq}, gap-free),
 * the previous sealed row's hash and its own hash. One sealer at a time on all nodes: a batch holds an advisory lock
 * that only sealers take, so writers never wait for it and sealers wait only for each other. The chain's order is the
 * order of sealing; a row that commits late simply gets a later position. Runs right after every commit that wrote a
 * row (nudged from {@link AuditTrail}) and every few seconds as a sweep, for rows whose node died before its nudge
 * ran and rows written by SQL (docs/audit.md).
 */
@Component
class AuditSealer {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    /** Taken by sealers only ("sealer" in ASCII). */
    static final long SEALER_LOCK = 0x7365616c6572L;
    static final int BATCH = 500;
    /** A row is sealed this long after its commit at the latest (unless a node dies), with those committed meanwhile. */
    static final Duration GATHERING = Duration.ofMillis(200);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Nudged sealer;

    AuditSealer(JdbcTemplate jdbc, TransactionTemplate transactions,
            @Qualifier("applicationTaskExecutor") Executor background) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sealer = new Nudged(background, this::sealCommitted, GATHERING,
                "Sealing the audit trail failed; the sweep will retry");
    }

    /** A row was committed: seal it now, in the background (coalesced with other nudges). */
    void nudge() {
        sealer.nudge();
    }

    /**
     * The sweep: one indexed query when nothing waits, so every node can run it without a job lock. The sealing
     * itself is handed to the background, so the scheduler's thread, which the other jobs share, never waits for it.
     */
    @Scheduled(fixedDelayString = "${dealreg.jobs.audit-seal-every:PT5S}", initialDelayString = "PT5S")
    void sweep() {
        if (Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from audit_event where seal_seq is null)", Boolean.class))) {
            nudge();
        }
    }

    /** Seals every row committed so far, a batch per transaction; answers how many rows it sealed. */
    int sealCommitted() {
        int sealed = 0;
        while (true) {
            Integer batch = transactions.execute(status -> sealBatch());
            sealed += batch;
            if (batch < BATCH) {
                return sealed;
            }
        }
    }

    private int sealBatch() {
        // its own statement: the reads below then see what the sealer before this one committed
        jdbc.queryForObject("select 1 from pg_advisory_xact_lock(?)", Integer.class, SEALER_LOCK);
        List<Object[]> head = jdbc.query(
                "select seal_seq, hash from audit_event where seal_seq is not null order by seal_seq desc limit 1",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)});
        long sealSeq = head.isEmpty() ? 0 : (long) head.get(0)[0];
        String prevHash = head.isEmpty() ? AuditEntry.GENESIS : (String) head.get(0)[1];
        List<AuditEntry> unsealed = jdbc.query(
                "select * from audit_event where seal_seq is null order by seq limit ?", AuditTrail::entry, BATCH);
        if (unsealed.isEmpty()) {
            return 0;
        }
        List<Object[]> seals = new ArrayList<>(unsealed.size());
        for (AuditEntry row : unsealed) {
            AuditEntry sealed = row.sealedAs(++sealSeq, prevHash);
            seals.add(new Object[] {sealed.sealSeq(), sealed.prevHash(), sealed.hash(), sealed.seq()});
            prevHash = sealed.hash();
        }
        int[][] counts = jdbc.batchUpdate(
                "update audit_event set seal_seq = ?, prev_hash = ?, hash = ? where seq = ? and seal_seq is null",
                seals, BATCH, (ps, seal) -> {
                    for (int i = 0; i < seal.length; i++) {
                        ps.setObject(i + 1, seal[i]);
                    }
                });
        for (int[] chunk : counts) {
            for (int count : chunk) {
                if (count != 1) {
                    throw new IllegalStateException("An audit row was sealed by someone else meanwhile");
                }
            }
        }
        return unsealed.size();
    }
}
