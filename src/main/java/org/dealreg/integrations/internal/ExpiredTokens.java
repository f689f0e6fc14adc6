package org.dealreg.integrations.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the record of every access token expired for more than {@link #KEPT_AFTER_EXPIRY}: Spring Authorization
 * Server writes one row per token issued and never removes it, and clients ask for a new token every few minutes.
 * An expired token is refused whether its row is there or not.
 */
@Component
class ExpiredTokens {

    private static final Logger log = LoggerFactory.getLogger(ExpiredTokens.class);
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ExpiredTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "${dealreg.jobs.expired-tokens-cron:0 */15 * * * *}")
    @SchedulerLock(name = "expired-tokens", lockAtMostFor = "PT10M")
    void scheduled() {
        int deleted = deleteExpiredBefore(clock.instant().minus(KEPT_AFTER_EXPIRY));
        if (deleted > 0) {
            log.debug("Expired access tokens deleted: {}", deleted);
        }
    }

    /** Deletes the tokens that expired before {@code before}; how many. */
    int deleteExpiredBefore(Instant before) {
        return jdbc.update("delete from oauth2_authorization where access_token_expires_at < ?",
                Timestamp.from(before));
    }
}
