package org.dealreg.review.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a pending registration stands against the promise: on time, less than a quarter of its window left
 * (the point at which DESIGN.md §5 reminds the managers), or past its due time.
 */
enum DeadlineBadge {
    ON_TIME, DUE_SOON, OVERDUE;

    static DeadlineBadge of(Instant submittedAt, Instant dueAt, Instant now) {
        if (!now.isBefore(dueAt)) {
            return OVERDUE;
        }
        Duration window = Duration.between(submittedAt, dueAt);
        Duration left = Duration.between(now, dueAt);
        return left.multipliedBy(4).compareTo(window) < 0 ? DUE_SOON : ON_TIME;
    }
}
