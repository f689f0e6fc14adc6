package org.dealreg.registration.internal;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a night, erases the customer contact of every registration that ended more than the retention period
 * ago (setting {@code personal-data-retention-months}). Works in batches, each its own transaction, so the first
 * run over years of registrations never holds one huge transaction. ShedLock
 * lets one node run it at a time; each erasure happens once anyway (see {@link PersonalDataRetention}).
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    /** Registrations per transaction: rows locked with skip locked are held only until the batch commits. */
    static final int BATCH = 200;

    private final PersonalDataRetention retention;
    private final ProgramSettings settings;
    private final Clock clock;

    RetentionJob(PersonalDataRetention retention, ProgramSettings settings, Clock clock) {
        this.retention = retention;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${dealreg.jobs.retention-cron:0 30 3 * * *}")
    @SchedulerLock(name = "retention-job", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    void scheduled() {
        int erased = run(clock.instant());
        if (erased > 0) {
            log.info("Retention job: the customer contact of {} ended registrations erased", erased);
        }
    }

    /** One pass at {@code now}; how many registrations it erased. */
    int run(Instant now) {
        return run(now, BATCH);
    }

    int run(Instant now, int batch) {
        String setting = settings.value(Setting.PERSONAL_DATA_RETENTION_MONTHS);
        RetentionPeriod period;
        try {
            period = RetentionPeriod.of(setting);
        } catch (IllegalArgumentException e) {
            log.error("Retention job: nothing erased, the setting {} is not usable: {}",
                    Setting.PERSONAL_DATA_RETENTION_MONTHS.key(), e.getMessage());
            return 0;
        }
        Instant endedOnOrBefore = period.endedOnOrBefore(now);
        int total = 0;
        int erased;
        do {
            erased = retention.eraseBatch(endedOnOrBefore, now, batch);
            total += erased;
        } while (erased == batch);
        return total;
    }
}
