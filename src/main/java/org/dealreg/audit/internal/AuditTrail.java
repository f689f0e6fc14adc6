package org.dealreg.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends to the trail in the caller's transaction (or a new one), so an action and its record commit or roll back
 * together; reads and verifies the chain. An append takes no lock: the row is written unsealed, and the
 * {@link AuditSealer} chains it right after the commit (docs/audit.md).
 */
@Service
class AuditTrail {

    private final JdbcTemplate jdbc;
    private final TransactionSynchronization sealAfterCommit;

    AuditTrail(JdbcTemplate jdbc, AuditSealer sealer) {
        this.jdbc = jdbc;
        // one instance: a transaction that appends many rows registers it once (synchronizations are a set)
        this.sealAfterCommit = new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sealer.nudge();
            }
        };
    }

    @Transactional
    public AuditEntry append(UUID actorId, String actorLabel, String action, String subjectType, String subjectId,
            String details) {
        AuditEntry entry = jdbc.queryForObject("""
                insert into audit_event (at, actor_id, actor_label, action, subject_type, subject_id, details)
                values (clock_timestamp(), ?, ?, ?, ?, ?, ?) returning *""", AuditTrail::entry,
                actorId, nz(actorLabel), action, nz(subjectType), nz(subjectId), nz(details));
        TransactionSynchronizationManager.registerSynchronization(sealAfterCommit);
        return entry;
    }

    /** The newest events first, sealed or not. */
    @Transactional(readOnly = true)
    public List<AuditEntry> latest(int limit, long beforeSeq) {
        return jdbc.query("select * from audit_event where seq < ? order by seq desc limit ?", AuditTrail::entry,
                beforeSeq, limit);
    }

    /**
     * Walks the sealed chain in order: every row's hash must be what its fields give, every row must point at the
     * previous row's hash, and seal_seq must have no gap. Stops at the first break. Also counts the rows not sealed
     * yet, and since when the oldest of them waits.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        long[] checked = {0};
        long[] expectedSealSeq = {1};
        String[] prev = {AuditEntry.GENESIS};
        Verification[] broken = {null};
        jdbc.query(con -> {
            var ps = con.prepareStatement("select * from audit_event where seal_seq is not null order by seal_seq");
            ps.setFetchSize(1000);
            return ps;
        }, rs -> {
            if (broken[0] != null) {
                return;
            }
            AuditEntry e = entry(rs, 0);
            if (e.sealSeq() != expectedSealSeq[0]) {
                broken[0] = Verification.broken(checked[0], expectedSealSeq[0], "missing");
            } else if (!e.prevHash().equals(prev[0])) {
                broken[0] = Verification.broken(checked[0], e.seq(), "unlinked");
            } else if (!e.computeHash().equals(e.hash())) {
                broken[0] = Verification.broken(checked[0], e.seq(), "altered");
            } else {
                checked[0]++;
                expectedSealSeq[0]++;
                prev[0] = e.hash();
            }
        });
        Verification chain = broken[0] != null ? broken[0] : Verification.intact(checked[0]);
        return jdbc.queryForObject("select count(*), min(at) from audit_event where seal_seq is null",
                (rs, n) -> chain.withUnsealed(rs.getLong(1), instant(rs.getObject(2, OffsetDateTime.class))));
    }

    /**
     * The result of {@link #verify()}: intact with how many sealed rows, or where and how it breaks (for a missing
     * row, {@code brokenAt} is the chain position that is missing; otherwise it is the row's {@code seq}); and how
     * many rows wait to be sealed, since when.
     */
    public record Verification(boolean intact, long rowsChecked, Long brokenAt, String problem, long unsealed,
            Instant unsealedSince) {

        static Verification intact(long rows) {
            return new Verification(true, rows, null, null, 0, null);
        }

        static Verification broken(long rowsBefore, long at, String problem) {
            return new Verification(false, rowsBefore, at, problem, 0, null);
        }

        Verification withUnsealed(long count, Instant since) {
            return new Verification(intact, rowsChecked, brokenAt, problem, count, since);
        }

        /** The row with this seq is where the chain breaks (a missing row has no seq to show). */
        public boolean brokenAtRow(long seq) {
            return !intact && !"missing".equals(problem) && brokenAt == seq;
        }
    }

    static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getObject("actor_id", UUID.class), rs.getString("actor_label"), rs.getString("action"),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("details"),
                rs.getObject("seal_seq", Long.class), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
