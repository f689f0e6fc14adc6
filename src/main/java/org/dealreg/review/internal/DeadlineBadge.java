package org.dealreg.review.internal;

import java.time.Instant;

/**
 * Where a pending registration stands against the promise: on time, less than a quarter of its window left
 * (from its reminder point, three quarters of the window in the clock it was counted in — DESIGN.md §5), or past
 * its due time.
 */
enum DeadlineBadge {
    ON_TIME, DUE_SOON, OVERDUE;

    static DeadlineBadge of(Instant remindAt, Instant dueAt, Instant now) {
        if (!now.isBefore(dueAt)) {
            return OVERDUE;
        }
        return now.isAfter(remindAt) ? DUE_SOON : ON_TIME;
    }
}
