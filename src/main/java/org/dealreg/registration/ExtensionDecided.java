package org.dealreg.registration;

import java.time.Instant;
import java.util.UUID;

/**
 * A manager answered an extension request: granted (then {@code protectionEndsAt} is the new end) or declined
 * (the end is unchanged). The partner who asked is told either way. Carries no typed text.
 */
public record ExtensionDecided(UUID registrationId, String receiptNumber, UUID partnerId, UUID requestedBy,
        boolean granted, UUID managerId, Instant protectionEndsAt, Instant at) {
}
