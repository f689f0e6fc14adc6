package org.dealreg.registration.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * When the vendor's answer is due: the decision window counted in calendar hours from the submission.
 * Computed and stored once, at submission, so a later change of the settings does not move it.
 */
final class DecisionDeadlinePolicy {

    private DecisionDeadlinePolicy() {
    }

    static Instant dueAt(Instant submittedAt, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A decision window must be positive, was " + window);
        }
        return submittedAt.plus(window);
    }
}
