package org.dealreg.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the trail in the caller's transaction (or a new one), so an action and its record commit or roll back
 * together; reads and verifies the chain.
 */
@Service
class AuditTrail {

    /** One lock for the whole trail: appends are serialised so each row chains to the one before. */
    private static final long LOCK = 0x6175646974L;

    private final JdbcTemplate jdbc;

    AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public AuditEntry append(UUID actorId, String actorLabel, String action, String subjectType, String subjectId,
            String details) {
        OffsetDateTime at = jdbc.queryForObject("select clock_timestamp() from (select pg_advisory_xact_lock(?)) l",
                OffsetDateTime.class, LOCK);
        List<Object[]> last = jdbc.query("select seq, hash from audit_event order by seq desc limit 1",
                (rs, n) -> new Object[] {rs.getLong("seq"), rs.getString("hash")});
        long seq = last.isEmpty() ? 1 : (long) last.get(0)[0] + 1;
        String prev = last.isEmpty() ? AuditEntry.GENESIS : (String) last.get(0)[1];
        AuditEntry entry = AuditEntry.next(seq, at.toInstant(), actorId, actorLabel, action, subjectType, subjectId,
                details, prev);
        jdbc.update("insert into audit_event (seq, at, actor_id, actor_label, action, subject_type, subject_id, details, "
                + "prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entry.seq(), Timestamp.from(entry.at()),
                entry.actorId(), entry.actorLabel(), entry.action(), entry.subjectType(), entry.subjectId(),
                entry.details(), entry.prevHash(), entry.hash());
        return entry;
    }

    /** The newest events first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> latest(int limit, long beforeSeq) {
        return jdbc.query("select * from audit_event where seq < ? order by seq desc limit ?", AuditTrail::entry,
                beforeSeq, limit);
    }

    /**
     * Walks the whole chain in order: every row's hash must be what its fields give, every row must point at the
     * previous row's hash, and seq must have no gap. Stops at the first break.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        long[] checked = {0};
        long[] expectedSeq = {1};
        String[] prev = {AuditEntry.GENESIS};
        Verification[] broken = {null};
        jdbc.query(con -> {
            var ps = con.prepareStatement("select * from audit_event order by seq");
            ps.setFetchSize(1000);
            return ps;
        }, rs -> {
            if (broken[0] != null) {
                return;
            }
            AuditEntry e = entry(rs, 0);
            if (e.seq() != expectedSeq[0]) {
                broken[0] = Verification.broken(checked[0], expectedSeq[0], "missing");
            } else if (!e.prevHash().equals(prev[0])) {
                broken[0] = Verification.broken(checked[0], e.seq(), "unlinked");
            } else if (!e.computeHash().equals(e.hash())) {
                broken[0] = Verification.broken(checked[0], e.seq(), "altered");
            } else {
                checked[0]++;
                expectedSeq[0]++;
                prev[0] = e.hash();
            }
        });
        return broken[0] != null ? broken[0] : Verification.intact(checked[0]);
    }

    /** The result of {@link #verify()}: intact with how many rows, or where and how it breaks. */
    public record Verification(boolean intact, long rowsChecked, Long brokenAtSeq, String problem) {

        static Verification intact(long rows) {
            return new Verification(true, rows, null, null);
        }

        static Verification broken(long rowsBefore, long seq, String problem) {
            return new Verification(false, rowsBefore, seq, problem);
        }
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getObject("actor_id", UUID.class), rs.getString("actor_label"), rs.getString("action"),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("details"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
