package org.dealreg.joining.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dealreg.shared.DatabaseClock;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At most so many applications in any hour from one network address (setting
 * {@code applications-per-hour-per-address}, 5): a company applies once, a bot filling the public form would flood
 * the channel managers' queue and their mailboxes. Counted in PostgreSQL under
 * an advisory lock per address, so every node enforces the same sliding hour.
 */
@Component
class ApplyLimit {

    static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final ProgramSettings settings;
    private final DatabaseClock databaseClock;

    ApplyLimit(JdbcTemplate jdbc, ProgramSettings settings, DatabaseClock databaseClock) {
        this.databaseClock = databaseClock;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    int perHour() {
        return settings.integer(Setting.APPLICATIONS_PER_HOUR_PER_ADDRESS);
    }

    /** Counts one attempt from the address; when the hour's attempts are used up, when it opens again instead. */
    @Transactional
    Optional<Instant> use(String address) {
        String subject = address == null ? "unknown" : address.length() > 64 ? address.substring(0, 64) : address;
        jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))", "apply:" + subject);
        Instant now = databaseClock.now();
        // every address's attempts are forgotten after the hour: the table never keeps who applied from where
        jdbc.update("delete from application_attempt where at <= ?", Timestamp.from(now.minus(WINDOW)));
        List<Timestamp> recent = jdbc.queryForList(
                "select at from application_attempt where address = ? order by at", Timestamp.class, subject);
        int max = perHour();
        if (recent.size() >= max) {
            return Optional.of(recent.get(recent.size() - max).toInstant().plus(WINDOW));
        }
        jdbc.update("insert into application_attempt (address, at) values (?, ?)", subject, Timestamp.from(now));
        return Optional.empty();
    }
}
