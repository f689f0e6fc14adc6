package org.dealreg.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.dealreg.registration.ProtectionEnforcement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends what approval began, with nobody watching: reminds partners 14, 7 and 1 days before their protection ends,
 * and expires the registrations whose protection has ended (freeing their customers). It runs every hour by
 * default rather than once a day, so a registration expires within the hour its page says, not up to a day later.
 * ShedLock lets one node run it at a time; each step is idempotent anyway ({@link ProtectionEnforcement}), so a
 * second run, or a partner closing at the same moment, never makes it happen twice. Time comes from the clock.
 */
@Component
class ProtectionJob {

    private static final Logger log = LoggerFactory.getLogger(ProtectionJob.class);

    private final ProtectionEnforcement protection;
    private final Clock clock;

    ProtectionJob(ProtectionEnforcement protection, Clock clock) {
        this.protection = protection;
        this.clock = clock;
    }

    @Scheduled(cron = "${dealreg.jobs.protection-cron:0 5 * * * *}")
    @SchedulerLock(name = "protection-job", lockAtMostFor = "PT30M")
    void scheduled() {
        Report report = run(clock.instant());
        if (report.acted()) {
            log.info("Protection job: {} reminded, {} expired", report.reminded(), report.expired());
        }
    }

    /** One pass at {@code now}; what it did. */
    Report run(Instant now) {
        int reminded = 0;
        for (UUID id : protection.endingSoon(now)) {
            reminded += JobStep.attempt(log, "Protection job", id, () -> protection.remind(id, now)) ? 1 : 0;
        }
        int expired = 0;
        for (UUID id : protection.protectionEnded(now)) {
            expired += JobStep.attempt(log, "Protection job", id, () -> protection.expire(id, now)) ? 1 : 0;
        }
        return new Report(reminded, expired);
    }

    record Report(int reminded, int expired) {
        boolean acted() {
            return reminded + expired > 0;
        }
    }
}
