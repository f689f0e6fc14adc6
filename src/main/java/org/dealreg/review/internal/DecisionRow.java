package org.dealreg.review.internal;

import java.math.BigDecimal;
import java.time.Instant;

import org.dealreg.conflicts.Verdict;
import org.dealreg.partners.Tier;
import org.dealreg.registration.RegistrationStatus;
import org.dealreg.registration.RejectionReason;

/**
 * A line of the export of decisions: the queue's plain fields, when and by whom it was decided ({@code decidedBy}
 * null: the programme, at the deadline), the decision, the rejection's reason code and where it stands now.
 */
record DecisionRow(String receiptNumber, String partnerName, String regionCode, Tier tier, BigDecimal amountUsd,
        Verdict verdict, Instant submittedAt, Instant decidedAt, String decidedBy, RegistrationStatus decision,
        RejectionReason rejectionReason, RegistrationStatus status) {
}
