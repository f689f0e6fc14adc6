package org.dealreg.identity;

import java.time.Instant;
import java.util.UUID;

/** A user set a new password through a reset link; every session they had was ended. */
public record PasswordResetCompleted(UUID userId, UUID partnerId, Instant at, int sessionsEnded) {
}
