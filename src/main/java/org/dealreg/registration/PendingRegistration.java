package org.dealreg.registration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.dealreg.conflicts.Verdict;

/** A line of the managers' queue: nothing the partner typed, so the queue decrypts nothing. */
public record PendingRegistration(UUID id, String receiptNumber, UUID partnerId, BigDecimal amountUsd, Verdict verdict,
        Instant submittedAt, Instant decisionDueAt, int version) {
}
