package org.dealreg.shared;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The portal's time as the database keeps it ({@code portal_now()}, V77: PostgreSQL's {@code now()}, the start of the
 * current transaction), for what is stored and compared across nodes — receipts, decisions, limits — so that no
 * order of events depends on one node's clock. A transaction that plays a story of the past (the demo's history)
 * sets it for itself with {@link #playAt}; every module's SQL that records a time reads the same.
 */
@Component
public class DatabaseClock {

    private final JdbcTemplate jdbc;

    DatabaseClock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Instant now() {
        return jdbc.queryForObject("select portal_now()", OffsetDateTime.class).toInstant();
    }

    /**
     * Until the end of the current transaction (or the next call), the portal's time is {@code at}: what the
     * transaction records happens then. {@code null} gives it back the database's own time.
     */
    public void playAt(Instant at) {
        jdbc.queryForObject("select set_config('dealreg.story_time', ?, true)", String.class,
                at == null ? "" : at.toString());
    }
}
