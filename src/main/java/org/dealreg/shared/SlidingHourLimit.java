package org.dealreg.shared;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portal's one sliding-hour limit: at most so many uses in any hour per subject (a user, a company, a network
 * address), counted in a PostgreSQL table of its module's with a subject column and {@code at}, under an advisory
 * lock per subject, so every node enforces the same hour. Used by the pre-check ({@code registration}) and the public
 * application form ({@code joining}); a per-minute rate that may refill as it goes is a token bucket instead
 * ({@link TokenBuckets}).
 */
public final class SlidingHourLimit {

    public static final Duration WINDOW = Duration.ofHours(1);

    /** One subject's limit: at most {@code max} uses in any hour. */
    public record Limit(String subject, int max) {
    }

    /** Whose uses an older than an hour each call forgets: only the subjects it counts, or everyone's. */
    public enum Forget {
        /** Keeps two callers with other subjects from waiting on each other's rows. */
        SUBJECTS,
        /** The table keeps nobody's uses longer than the hour (a network address is personal data). */
        EVERYONE
    }

    private final JdbcTemplate jdbc;
    private final DatabaseClock clock;
    private final String table;
    private final String subjectColumn;
    private final Forget forget;

    public SlidingHourLimit(JdbcTemplate jdbc, DatabaseClock clock, String table, String subjectColumn, Forget forget) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.table = table;
        this.subjectColumn = subjectColumn;
        this.forget = forget;
    }

    /**
     * Counts one use for every subject, unless one of them (in the order given) has used up its hour: then nothing is
     * counted and the answer is when that one opens again. Runs in the caller's transaction, which holds the locks.
     */
    public Optional<Instant> use(List<Limit> limits) {
        // a fixed order of locks, so two calls never wait on each other crosswise
        limits.stream().map(Limit::subject).sorted().forEach(subject -> jdbc.queryForList(
                "select pg_advisory_xact_lock(hashtextextended(?, 0))", table + ":" + subject));
        Instant now = clock.now();
        Timestamp since = Timestamp.from(now.minus(WINDOW));
        if (forget == Forget.EVERYONE) {
            jdbc.update("delete from " + table + " where at <= ?", since);
        }
        for (Limit limit : limits) {
            if (forget == Forget.SUBJECTS) {
                jdbc.update("delete from " + table + " where " + subjectColumn + " = ? and at <= ?", limit.subject(), since);
            }
            List<Timestamp> recent = jdbc.queryForList("select at from " + table + " where " + subjectColumn
                    + " = ? order by at", Timestamp.class, limit.subject());
            if (recent.size() >= limit.max()) {
                return Optional.of(recent.get(recent.size() - limit.max()).toInstant().plus(WINDOW));
            }
        }
        for (Limit limit : limits) {
            jdbc.update("insert into " + table + " (" + subjectColumn + ", at) values (?, ?)", limit.subject(),
                    Timestamp.from(now));
        }
        return Optional.empty();
    }
}
