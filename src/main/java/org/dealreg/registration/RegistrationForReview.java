package org.dealreg.registration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dealreg.conflicts.Verdict;

/**
 * A registration as a manager reads it, decrypted, with its version (a decision names the version it was made
 * on), its history and how many registrations the partner has open.
 */
public record RegistrationForReview(UUID id, int version, String receiptNumber, RegistrationStatus status,
        UUID partnerId, UUID submittedBy, String customerName, String customerWebsite, String customerCountry,
        String customerCity, String contactName, String contactEmail, String contactPhone, String title,
        String description, String competitors, String specializationCode, BigDecimal amount, String currency,
        BigDecimal usdPerUnit, BigDecimal amountUsd, LocalDate expectedCloseDate, Verdict verdict, Instant submittedAt,
        Instant remindAt, Instant decisionDueAt, Instant decidedAt, UUID decidedBy, RejectionReason rejectionReason,
        String rejectionComment, List<HistoryLine> history, long partnerOpenRegistrations, Instant protectionEndsAt,
        int extensionsGranted, Instant personalDataErasedAt, List<ExtensionLine> extensions) {

    /** An extension request with the partner's reason and, once answered, the answer. */
    public record ExtensionLine(UUID requestId, Instant requestedAt, UUID requestedBy, String reason, String status,
            Instant decidedAt, UUID decidedBy, String declineReason, Instant protectionEndsAt) {

        public boolean pending() {
            return "PENDING".equals(status);
        }
    }

    /** One step of the history; {@code actorId} is null when the programme acted by itself. */
    public record HistoryLine(Instant at, UUID actorId, String action, RegistrationStatus statusAfter) {
    }

    public boolean convertedFromOtherCurrency() {
        return !"USD".equals(currency);
    }

    public boolean pending() {
        return status == RegistrationStatus.SUBMITTED;
    }
}
