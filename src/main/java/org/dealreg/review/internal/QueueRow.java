package org.dealreg.review.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.dealreg.conflicts.Verdict;
import org.dealreg.partners.Tier;

/** A line of the managers' queue. */
public record QueueRow(UUID id, String receiptNumber, String partnerName, String regionCode, Tier tier,
        BigDecimal amountUsd, Verdict verdict, Instant submittedAt, Instant dueAt, DeadlineBadge badge) {
}
