package org.dealreg.shared;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The database's time (PostgreSQL's {@code now()}: the start of the current transaction), for what is stored and
 * compared across nodes — receipts, decisions, limits — so that no order of events depends on one node's clock.
 */
@Component
public class DatabaseClock {

    private final JdbcTemplate jdbc;

    DatabaseClock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Instant now() {
        return jdbc.queryForObject("select now()", OffsetDateTime.class).toInstant();
    }
}
