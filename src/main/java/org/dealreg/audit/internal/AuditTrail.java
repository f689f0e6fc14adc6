package org.dealreg.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dealreg.shared.Paging;
import org.springframework.data.domain.Page;
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
                values (portal_clock(), ?, ?, ?, ?, ?, ?) returning *""", AuditTrail::entry,
                actorId, nz(actorLabel), action, nz(subjectType), nz(subjectId), nz(details));
        TransactionSynchronizationManager.registerSynchronization(sealAfterCommit);
        return entry;
    }

    /** Events a page: a staff-facing list. */
    static final int PAGE_SIZE = 50;

    /** The check of the whole chain and one page of the events, newest first, sealed or not. */
    public record Trail(Verification verification, Page<AuditEntry> events) {
    }

    /**
     * The chain checked and page {@code requested} of the events (the last when past it), in one read-only
     * transaction: the check, which also counts the events, then the page. Two statements however long the trail.
     */
    @Transactional(readOnly = true)
    public Trail page(int requested) {
        return page(requested, Narrowed.NONE);
    }

    /**
     * What the page is narrowed to, as SQL: an actor (by id, or by the label a failed sign-in left), an action, a
     * subject id, and a time range [from, until).
     */
    record Narrowed(UUID actorId, String actorLabel, String action, String subjectId, Instant from, Instant until) {

        static final Narrowed NONE = new Narrowed(null, null, null, null, null, null);

        boolean none() {
            return equals(NONE);
        }
    }

    /** As {@link #page(int)}, the events narrowed: the chain is still checked whole, the count is of what matches. */
    @Transactional(readOnly = true)
    public Trail page(int requested, Narrowed narrowed) {
        Verification verification = verify();
        if (narrowed.none()) {
            return new Trail(verification, Paging.page(requested, PAGE_SIZE,
                    () -> verification.rowsSealed() + verification.unsealed(),
                    (offset, limit) -> jdbc.query("select * from audit_event order by seq desc limit ? offset ?",
                            AuditTrail::entry, limit, offset)));
        }
        Where where = where(narrowed);
        List<Object> args = where.args();
        return new Trail(verification, Paging.page(requested, PAGE_SIZE,
                () -> jdbc.queryForObject("select count(*) from audit_event" + where.sql(), Long.class, args.toArray()),
                (offset, limit) -> {
                    List<Object> paged = new ArrayList<>(args);
                    paged.add(limit);
                    paged.add(offset);
                    return jdbc.query("select * from audit_event" + where.sql() + " order by seq desc limit ? offset ?",
                            AuditTrail::entry, paged.toArray());
                }));
    }

    /** The events the filter keeps, newest first, each handed to the sink as it is read (an export). */
    @Transactional(readOnly = true)
    public void each(Narrowed narrowed, java.util.function.Consumer<AuditEntry> sink) {
        Where where = where(narrowed);
        org.dealreg.web.Export.stream(jdbc, "select * from audit_event" + where.sql() + " order by seq desc",
                AuditTrail::entry, sink, where.args().toArray());
    }

    private record Where(String sql, List<Object> args) {
    }

    private static Where where(Narrowed narrowed) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (narrowed.actorId() != null || narrowed.actorLabel() != null) {
            where.append(" and (actor_id = ? or lower(actor_label) = lower(?))");
            args.add(narrowed.actorId());
            args.add(narrowed.actorLabel() == null ? "" : narrowed.actorLabel());
        }
        if (narrowed.action() != null) {
            where.append(" and action = ?");
            args.add(narrowed.action());
        }
        if (narrowed.subjectId() != null) {
            where.append(" and subject_id = ?");
            args.add(narrowed.subjectId());
        }
        if (narrowed.from() != null) {
            where.append(" and at >= ?");
            args.add(Timestamp.from(narrowed.from()));
        }
        if (narrowed.until() != null) {
            where.append(" and at < ?");
            args.add(Timestamp.from(narrowed.until()));
        }
        return new Where(where.toString(), args);
    }

    /**
     * The chain position, every recorded field and the previous hash, joined as {@link AuditEntry#computeHash()}
     * joins them, hashed by PostgreSQL: {@code at} written as {@code Instant.toString()} writes it (UTC, the
     * fraction of a second in 0, 3 or 6 digits), text escaped as {@code AuditEntry.escape}.
     */
    private static final String HASH_IN_SQL = """
            encode(sha256(convert_to(concat_ws(chr(31), seal_seq::text,
                to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
                    || case when to_char(at at time zone 'UTC', 'US') = '000000' then ''
                            when right(to_char(at at time zone 'UTC', 'US'), 3) = '000'
                                then '.' || left(to_char(at at time zone 'UTC', 'US'), 3)
                            else '.' || to_char(at at time zone 'UTC', 'US') end || 'Z',
                coalesce(actor_id::text, ''),
                replace(replace(actor_label, '\\', '\\\\'), chr(31), '\\u001f'), action,
                replace(replace(subject_type, '\\', '\\\\'), chr(31), '\\u001f'),
                replace(replace(subject_id, '\\', '\\\\'), chr(31), '\\u001f'),
                replace(replace(details, '\\', '\\\\'), chr(31), '\\u001f'),
                prev_hash::text), 'UTF8')), 'hex')""";

    /**
     * Walks the sealed chain in order, in PostgreSQL (one statement; no row is sent to the application): every row's
     * hash must be what its fields give, every row must point at the previous row's hash, and seal_seq must have no
     * gap. Answers the first break. Also counts the rows not sealed yet, and since when the oldest of them waits.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        return jdbc.queryForObject("""
                with chain as (
                    select seq, seal_seq, prev_hash::text as prev_hash, hash::text as hash,
                           row_number() over w as position,
                           lag(hash::text, 1, ?) over w as previous,
                           %s as computed
                      from audit_event where seal_seq is not null
                    window w as (order by seal_seq)
                ), totals as (
                    select count(*) filter (where seal_seq is not null) as sealed,
                           count(*) filter (where seal_seq is null) as unsealed,
                           min(at) filter (where seal_seq is null) as unsealed_since
                      from audit_event
                )
                select t.sealed, t.unsealed, t.unsealed_since, b.position, b.seq,
                       case when b.position is null then null when b.seal_seq <> b.position then 'missing'
                            when b.prev_hash <> b.previous then 'unlinked' else 'altered' end as problem
                  from totals t left join lateral (
                      select * from chain
                       where seal_seq <> position or prev_hash <> previous or computed <> hash
                       order by seal_seq limit 1) b on true""".formatted(HASH_IN_SQL), (rs, n) -> {
            long sealed = rs.getLong("sealed");
            Verification chain;
            if (rs.getObject("position") == null) {
                chain = Verification.intact(sealed);
            } else {
                long position = rs.getLong("position");
                String problem = rs.getString("problem");
                chain = Verification.broken(position - 1, "missing".equals(problem) ? position : rs.getLong("seq"),
                        problem);
            }
            return chain.withCounts(sealed, rs.getLong("unsealed"),
                    instant(rs.getObject("unsealed_since", OffsetDateTime.class)));
        }, AuditEntry.GENESIS);
    }

    /**
     * The result of {@link #verify()}: intact with how many sealed rows, or where and how it breaks (for a missing
     * row, {@code brokenAt} is the chain position that is missing; otherwise it is the row's {@code seq}); and how
     * many rows wait to be sealed, since when.
     */
    public record Verification(boolean intact, long rowsChecked, Long brokenAt, String problem, long rowsSealed,
            long unsealed, Instant unsealedSince) {

        static Verification intact(long rows) {
            return new Verification(true, rows, null, null, 0, 0, null);
        }

        static Verification broken(long rowsBefore, long at, String problem) {
            return new Verification(false, rowsBefore, at, problem, 0, 0, null);
        }

        Verification withCounts(long sealed, long unsealed, Instant since) {
            return new Verification(intact, rowsChecked, brokenAt, problem, sealed, unsealed, since);
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
