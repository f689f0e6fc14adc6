package org.dealreg.registration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A partner submitted a registration; the vendor's answer is due at {@code decisionDueAt}. Carries no
 * text the partner typed, so listeners (audit, notifications) never hold decrypted customer data.
 */
public record RegistrationSubmitted(UUID registrationId, UUID partnerId, UUID submittedBy, String receiptNumber,
        Instant submittedAt, Instant decisionDueAt, BigDecimal amountUsd) {
}
