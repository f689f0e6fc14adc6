package org.dealreg.joining.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.dealreg.shared.DatabaseClock;
import org.dealreg.shared.SlidingHourLimit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At most so many applications in any hour from one network address (setting
 * {@code applications-per-hour-per-address}, 5): a company applies once, a bot filling the public form would flood
 * the channel managers' queue and their mailboxes. Counted in {@code application_attempt} by the portal's one
 * sliding-hour limit, so every node enforces the same hour.
 */
@Component
class ApplyLimit {

    private final ProgramSettings settings;
    private final SlidingHourLimit limit;

    ApplyLimit(JdbcTemplate jdbc, ProgramSettings settings, DatabaseClock databaseClock) {
        this.settings = settings;
        // every address's attempts are forgotten after the hour: the table never keeps who applied from where
        this.limit = new SlidingHourLimit(jdbc, databaseClock, "application_attempt", "address",
                SlidingHourLimit.Forget.EVERYONE);
    }

    int perHour() {
        return settings.integer(Setting.APPLICATIONS_PER_HOUR_PER_ADDRESS);
    }

    /** Counts one attempt from the address; when the hour's attempts are used up, when it opens again instead. */
    @Transactional
    Optional<Instant> use(String address) {
        String subject = address == null ? "unknown" : address.length() > 64 ? address.substring(0, 64) : address;
        return limit.use(List.of(new SlidingHourLimit.Limit(subject, perHour())));
    }
}
