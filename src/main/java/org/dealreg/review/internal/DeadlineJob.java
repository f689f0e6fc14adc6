package org.dealreg.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.dealreg.registration.DeadlineEnforcement;
import org.dealreg.registration.PendingRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the 24–48 hour promise with nobody watching: every minute it reminds the managers of registrations
 * past 75 % of their window, and applies the breach policy to those past their deadline. ShedLock lets one
 * node run it at a time; each step is idempotent anyway (see {@link DeadlineEnforcement}), so a second run,
 * or a manager deciding at the same moment, never makes it happen twice. Time comes from the injected clock.
 */
@Component
class DeadlineJob {

    private static final Logger log = LoggerFactory.getLogger(DeadlineJob.class);

    private final DeadlineEnforcement deadlines;
    private final ProgramSettings settings;
    private final Clock clock;

    DeadlineJob(DeadlineEnforcement deadlines, ProgramSettings settings, Clock clock) {
        this.deadlines = deadlines;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dealreg.jobs.deadline-every:PT1M}", initialDelayString = "PT20S")
    @SchedulerLock(name = "deadline-job", lockAtMostFor = "PT10M")
    void scheduled() {
        Report report = run(clock.instant());
        if (report.acted()) {
            log.info("Deadline job: {} reminded, {} approved by the programme, {} escalated", report.reminded(),
                    report.approved(), report.escalated());
        }
    }

    /** One pass at {@code now}; what it did. */
    Report run(Instant now) {
        int reminded = 0;
        for (UUID id : deadlines.dueForReminder(now)) {
            reminded += JobStep.attempt(log, "Deadline job", id, () -> deadlines.remind(id, now)) ? 1 : 0;
        }
        BreachPolicy policy = BreachPolicy.of(settings.value(Setting.BREACH_POLICY));
        int approved = 0;
        int escalated = 0;
        for (PendingRegistration late : deadlines.pastDeadline(now)) {
            if (policy.at(late.verdict()) == BreachPolicy.Action.APPROVE) {
                approved += JobStep.attempt(log, "Deadline job", late.id(), () -> {
                    deadlines.approveByProgramme(late.id(), late.version());
                    return true;
                }) ? 1 : 0;
            } else {
                escalated += JobStep.attempt(log, "Deadline job", late.id(),
                        () -> deadlines.escalate(late.id(), now)) ? 1 : 0;
            }
        }
        return new Report(reminded, approved, escalated);
    }

    record Report(int reminded, int approved, int escalated) {
        boolean acted() {
            return reminded + approved + escalated > 0;
        }
    }
}
