package org.dealreg.registration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the deadline job does to registrations nobody decided in time (DESIGN.md §5). Each step is done once
 * whoever runs it and however often: reminders and escalations by a conditional update, an approval by the
 * programme through the registration's version, so of two job runs (or a job and a manager) exactly one acts.
 */
public interface DeadlineEnforcement {

    /** Pending registrations past 75 % of their window whose managers were not reminded yet. */
    List<UUID> dueForReminder(Instant now);

    /** @return true for the one caller that marked it (and published {@link DecisionReminderDue}) */
    boolean remind(UUID id, Instant now);

    /** Pending registrations past their due time that have not been escalated yet, the one due first first. */
    List<PendingRegistration> pastDeadline(Instant now);

    /**
     * The programme approves it at the deadline, as a decision with no manager.
     *
     * @throws AlreadyDecided when it was decided or changed since {@code versionSeen}: nothing is changed
     */
    void approveByProgramme(UUID id, int versionSeen);

    /** Flags it overdue. @return true for the one caller that did (and published {@link RegistrationEscalated}) */
    boolean escalate(UUID id, Instant now);
}
