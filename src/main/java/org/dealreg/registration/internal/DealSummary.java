package org.dealreg.registration.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.dealreg.registration.RegistrationStatus;

/** One row of the partner's list of registrations. */
public record DealSummary(UUID id, String receiptNumber, String customerName, String title, RegistrationStatus status,
        BigDecimal amount, String currency, Instant submittedAt, Instant decisionDueAt, Instant protectionEndsAt) {
}
