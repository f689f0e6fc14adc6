package org.dealreg.registration.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * When the partner is reminded that protection ends: 14, 7 and 1 days before (DESIGN.md §4). A job that did not run
 * for a while sends only the most urgent step due, not the ones it missed; an extension (a new end) starts the steps
 * again.
 */
final class ProtectionReminderPolicy {

    static final List<Integer> DAYS_BEFORE = List.of(14, 7, 1);

    private ProtectionReminderPolicy() {
    }

    /**
     * The step to send now, if any: the smallest whose time has come, when it is smaller than the last one sent.
     *
     * @param lastSent the step last sent for this end of protection, or null
     */
    static OptionalInt dueStep(Instant endsAt, Instant now, Integer lastSent) {
        if (!now.isBefore(endsAt)) {
            return OptionalInt.empty();
        }
        return DAYS_BEFORE.stream()
                .filter(days -> !now.isBefore(endsAt.minus(Duration.ofDays(days))))
                .mapToInt(Integer::intValue)
                .min()
                .stream()
                .filter(days -> lastSent == null || days < lastSent)
                .findFirst();
    }

    /** How far ahead the job looks. */
    static Duration horizon() {
        return Duration.ofDays(DAYS_BEFORE.get(0));
    }
}
