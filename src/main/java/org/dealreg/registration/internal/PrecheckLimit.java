package org.dealreg.registration.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.dealreg.shared.DatabaseClock;
import org.dealreg.shared.SlidingHourLimit;
import org.dealreg.shared.SlidingHourLimit.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * So many pre-checks in any hour per user (30 by default) and per partner company (100), both
 * settings, so that adding colleagues does not multiply what a company can enumerate. Counted in
 * {@code precheck_event} by the portal's one sliding-hour limit, so every node enforces the same hour.
 */
@Component
class PrecheckLimit {

    record Usage(boolean exceeded, Instant opensAgainAt) {
    }

    private final ProgramSettings settings;
    private final SlidingHourLimit limit;

    PrecheckLimit(JdbcTemplate jdbc, ProgramSettings settings, DatabaseClock databaseClock) {
        this.settings = settings;
        this.limit = new SlidingHourLimit(jdbc, databaseClock, "precheck_event", "subject", SlidingHourLimit.Forget.SUBJECTS);
    }

    /** Counts one pre-check for the user and the company, unless either is over its limit. */
    @Transactional
    Usage use(UUID userId, UUID partnerId) {
        return limit.use(List.of(new Limit("user:" + userId, settings.integer(Setting.PRECHECKS_PER_HOUR)),
                        new Limit("partner:" + partnerId, settings.integer(Setting.PRECHECKS_PER_HOUR_PER_PARTNER))))
                .map(opens -> new Usage(true, opens)).orElse(new Usage(false, null));
    }
}
