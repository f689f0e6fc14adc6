package org.dealreg.registration.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * So many pre-checks per user per clock hour (a setting, 30 by default), counted in PostgreSQL with
 * one atomic upsert so that every node enforces the same limit.
 */
@Component
class PrecheckLimit {

    record Usage(int used, int limit, Instant opensAgainAt) {
        boolean exceeded() {
            return used > limit;
        }
    }

    private final JdbcTemplate jdbc;
    private final ProgramSettings settings;

    PrecheckLimit(JdbcTemplate jdbc, ProgramSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Transactional
    Usage use(UUID userId) {
        int limit = settings.integer(Setting.PRECHECKS_PER_HOUR);
        jdbc.update("delete from precheck_usage where user_id = ? and window_start < now() - interval '1 day'", userId);
        return jdbc.queryForObject("""
                insert into precheck_usage (user_id, window_start, used) values (?, date_trunc('hour', now()), 1)
                on conflict (user_id, window_start) do update set used = precheck_usage.used + 1
                returning used, window_start
                """, (rs, n) -> new Usage(rs.getInt("used"), limit,
                rs.getTimestamp("window_start").toInstant().plus(Duration.ofHours(1))), userId);
    }
}
