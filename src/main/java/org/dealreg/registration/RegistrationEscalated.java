package org.dealreg.registration;

import java.time.Instant;
import java.util.UUID;

/** A registration's deadline passed without a decision and the programme did not approve it by itself. */
public record RegistrationEscalated(UUID registrationId, UUID partnerId, String receiptNumber, Instant decisionDueAt,
        Instant escalatedAt) {
}
