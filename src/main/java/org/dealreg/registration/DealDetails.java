package org.dealreg.registration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dealreg.conflicts.Verdict;

/** A registration as its own partner sees it, decrypted: its page and the partners' API read it. */
public record DealDetails(UUID id, String receiptNumber, RegistrationStatus status, String customerName,
        String customerWebsite, String customerCountry, String customerCity, String contactName, String contactEmail,
        String contactPhone, String title, String description, String competitors, String specializationCode,
        BigDecimal amount, String currency, BigDecimal usdPerUnit, BigDecimal amountUsd, LocalDate expectedCloseDate,
        Verdict verdict, Instant submittedAt, Instant decisionDueAt, int version, Instant decidedAt,
        boolean decidedByProgramme, RejectionReason rejectionReason, String rejectionComment, Instant endedAt,
        List<StaffView> staffViews, Instant protectionEndsAt, int extensionsGranted, int maxExtensions,
        List<Extension> extensions, LocalDate closedOn, BigDecimal wonAmount, String wonCurrency, BigDecimal wonAmountUsd,
        String lostReason, Instant personalDataErasedAt) {

    /** An extension request and its answer, as the partner reads it. */
    public record Extension(Instant requestedAt, String reason, String status, Instant decidedAt, String declineReason,
            Instant protectionEndsAt) {
    }

    /**
     * Someone at the vendor looked at this registration: the partner sees who, in which role, when last, and how many
     * times in that visit (opens less than {@code StaffVisits.GAP} apart are one visit).
     */
    public record StaffView(String name, String role, Instant at, int times) {
    }

    /** Approved: the customer is reserved for the partner, who can close it or ask for more time. */
    public boolean protectedNow() {
        return status == RegistrationStatus.APPROVED;
    }

    public boolean extensionPending() {
        return extensions.stream().anyMatch(e -> "PENDING".equals(e.status()));
    }

    /** The form is offered while a request could be accepted; the service checks again when it is sent. */
    public boolean mayRequestExtension() {
        return protectedNow() && !extensionPending() && extensionsGranted < maxExtensions;
    }

    public boolean awaitingDecision() {
        return status == RegistrationStatus.SUBMITTED;
    }

    /** When the vendor decided or the partner withdrew: what the partner's page states as the outcome. */
    public Instant outcomeAt() {
        return decidedAt != null ? decidedAt : endedAt;
    }

    public boolean convertedFromOtherCurrency() {
        return !"USD".equals(currency);
    }
}
