package org.dealreg.registration;

import java.time.Instant;
import java.util.UUID;

/** An approved registration's protection ended without a close: the customer is free again. */
public record RegistrationExpired(UUID registrationId, String receiptNumber, UUID partnerId, UUID submittedBy,
        Instant protectionEndedAt, Instant at) {
}
