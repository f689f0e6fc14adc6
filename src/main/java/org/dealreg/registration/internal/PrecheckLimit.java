package org.dealreg.registration.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.dealreg.shared.DatabaseClock;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * So many pre-checks in any hour per user (30 by default) and per partner company (100), both
 * settings, so that adding colleagues does not multiply what a company can enumerate. Counted in
 * PostgreSQL under an advisory lock per subject, so every node enforces the same sliding hour.
 */
@Component
class PrecheckLimit {

    static final Duration WINDOW = Duration.ofHours(1);

    record Usage(boolean exceeded, Instant opensAgainAt) {
    }

    private final JdbcTemplate jdbc;
    private final ProgramSettings settings;
    private final DatabaseClock databaseClock;

    PrecheckLimit(JdbcTemplate jdbc, ProgramSettings settings, DatabaseClock databaseClock) {
        this.databaseClock = databaseClock;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Counts one pre-check for the user and the company, unless either is over its limit. */
    @Transactional
    Usage use(UUID userId, UUID partnerId) {
        String user = "user:" + userId;
        String partner = "partner:" + partnerId;
        // a fixed order of locks, so two checks never wait on each other crosswise
        for (String subject : List.of(partner, user)) {
            jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))", "precheck:" + subject);
        }
        Instant now = databaseClock.now();
        Timestamp since = Timestamp.from(now.minus(WINDOW));
        jdbc.update("delete from precheck_event where subject in (?, ?) and at <= ?", user, partner, since);
        for (var limit : List.of(new Object[] {user, settings.integer(Setting.PRECHECKS_PER_HOUR)},
                new Object[] {partner, settings.integer(Setting.PRECHECKS_PER_HOUR_PER_PARTNER)})) {
            String subject = (String) limit[0];
            int max = (Integer) limit[1];
            List<Timestamp> recent = jdbc.queryForList(
                    "select at from precheck_event where subject = ? order by at", Timestamp.class, subject);
            if (recent.size() >= max) {
                Instant opens = recent.get(recent.size() - max).toInstant().plus(WINDOW);
                return new Usage(true, opens);
            }
        }
        jdbc.update("insert into precheck_event (subject, at) values (?, ?), (?, ?)", user, Timestamp.from(now), partner,
                Timestamp.from(now));
        return new Usage(false, null);
    }
}
