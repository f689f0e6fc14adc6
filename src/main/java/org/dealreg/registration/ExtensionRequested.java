package org.dealreg.registration;

import java.time.Instant;
import java.util.UUID;

/** A partner asked for more protection before it ended; the managers answer. Carries no typed text. */
public record ExtensionRequested(UUID registrationId, String receiptNumber, UUID partnerId, UUID requestedBy,
        Instant protectionEndsAt, Instant at) {
}
