package org.dealreg.registration;

import java.time.Instant;
import java.util.UUID;

/** An approved registration's protection ends in {@code daysBefore} days or less: its submitter is reminded, once per step. */
public record ProtectionEndingSoon(UUID registrationId, String receiptNumber, UUID partnerId, UUID submittedBy,
        Instant protectionEndsAt, int daysBefore) {
}
