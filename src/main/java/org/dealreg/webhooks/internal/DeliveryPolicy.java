package org.dealreg.webhooks.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again, and when the portal gives up. A message is retried 30 s after its first
 * failure, then after 1, 2, 4 … minutes, at most an hour apart, until 24 hours after its first attempt; then it is
 * failed (its owner may send it again). A subscription whose every delivery failed for 24 hours is paused.
 */
final class DeliveryPolicy {

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    static final Duration PAUSE_AFTER = Duration.ofHours(24);

    private DeliveryPolicy() {
    }

    /** The wait after the {@code failures}-th failure in a row: 30 s, 1 min, 2 min … at most an hour. */
    static Duration backoff(int failures) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(failures, 1) - 1, 20));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /** The next attempt after a failure at {@code now}; empty when the message has had its 24 hours. */
    static Optional<Instant> retryAt(Instant firstAttemptAt, int failures, Instant now) {
        Instant deadline = firstAttemptAt.plus(GIVE_UP_AFTER);
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        Instant next = now.plus(backoff(failures));
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }

    /** A subscription failing since {@code failingSince} (null when its last delivery succeeded) is paused now. */
    static boolean pause(Instant failingSince, Instant now) {
        return failingSince != null && !now.isBefore(failingSince.plus(PAUSE_AFTER));
    }
}
