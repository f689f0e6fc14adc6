package org.dealreg.registration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.dealreg.conflicts.Verdict;

/**
 * A line of the managers' queue: nothing the partner typed, so the queue decrypts nothing. {@code remindAt} is
 * three quarters of the window, in the clock the window was counted in.
 */
public record PendingRegistration(UUID id, String receiptNumber, UUID partnerId, BigDecimal amountUsd, Verdict verdict,
        Instant submittedAt, Instant remindAt, Instant decisionDueAt, int version) {
}
