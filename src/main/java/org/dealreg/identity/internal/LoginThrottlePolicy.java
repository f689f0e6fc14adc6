package org.dealreg.identity.internal;

import java.time.Duration;
import java.time.Instant;

/** After five wrong passwords in a row an account is locked for fifteen minutes, even for the right password. */
record LoginThrottlePolicy(int maxFailures, Duration lockDuration) {

    static final LoginThrottlePolicy DEFAULT = new LoginThrottlePolicy(5, Duration.ofMinutes(15));

    boolean shouldLock(int consecutiveFailures) {
        return consecutiveFailures >= maxFailures;
    }

    Instant lockedUntil(Instant now) {
        return now.plus(lockDuration);
    }
}
