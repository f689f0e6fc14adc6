package org.dealreg.registration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.dealreg.conflicts.Verdict;

/**
 * A registration that left the queue with a decision, as the managers' export of decisions lists it: plain fields
 * only (the rejection's comment, typed by a manager to the partner, is encrypted and stays out). {@code decidedBy} is
 * null when the programme decided at the deadline; {@code status} is where it stands now ({@link
 * RegistrationStatus#decision()} gives the decision).
 */
public record DecidedRegistration(UUID id, String receiptNumber, UUID partnerId, BigDecimal amountUsd, Verdict verdict,
        Instant submittedAt, Instant decidedAt, UUID decidedBy, RegistrationStatus status,
        RejectionReason rejectionReason) {
}
