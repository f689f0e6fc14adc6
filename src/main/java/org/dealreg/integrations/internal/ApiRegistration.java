package org.dealreg.integrations.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dealreg.conflicts.Verdict;
import org.dealreg.registration.DealDetails;
import org.dealreg.registration.RegistrationStatus;
import org.dealreg.registration.RejectionReason;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A registration as the partners' API answers it: what the partner typed, decrypted, and what the vendor decided.
 * {@code version} is what an action sends back (optional) to act only if nothing changed since it was read. Every
 * member is always sent; those that may be null say so (the contact is erased some time after a registration ends).
 */
record ApiRegistration(UUID id, String receiptNumber, @Schema(implementation = RegistrationStatus.class) String status,
        @Schema(implementation = Verdict.class) String verdict, int version, String customerName,
        @Schema(nullable = true) String customerWebsite, String customerCountry,
        @Schema(nullable = true) String customerCity, @Schema(nullable = true) String contactName,
        @Schema(nullable = true) String contactEmail, @Schema(nullable = true) String contactPhone, String title,
        String description, @Schema(nullable = true) String competitors, String specialization, BigDecimal amount,
        String currency, BigDecimal amountUsd, LocalDate expectedCloseDate, Instant submittedAt,
        Instant decisionDueAt, @Schema(nullable = true) Instant decidedAt,
        @Schema(nullable = true, implementation = RejectionReason.class) String rejectionReason,
        @Schema(nullable = true) String rejectionComment, @Schema(nullable = true) Instant endedAt,
        @Schema(nullable = true) Instant protectionEndsAt, int extensionsGranted, List<Extension> extensions,
        @Schema(nullable = true) LocalDate closedOn, @Schema(nullable = true) BigDecimal wonAmount,
        @Schema(nullable = true) String wonCurrency, @Schema(nullable = true) String lostReason) {

    record Extension(Instant requestedAt, String reason, String status, @Schema(nullable = true) Instant decidedAt,
            @Schema(nullable = true) String declineReason, @Schema(nullable = true) Instant protectionEndsAt) {
    }

    static ApiRegistration of(DealDetails d) {
        return new ApiRegistration(d.id(), d.receiptNumber(), d.status().name(), d.verdict().name(), d.version(),
                d.customerName(), d.customerWebsite(), d.customerCountry(), d.customerCity(), d.contactName(),
                d.contactEmail(), d.contactPhone(), d.title(), d.description(), d.competitors(), d.specializationCode(),
                d.amount(), d.currency(), d.amountUsd(), d.expectedCloseDate(), d.submittedAt(), d.decisionDueAt(),
                d.decidedAt(), d.rejectionReason() == null ? null : d.rejectionReason().name(), d.rejectionComment(),
                d.endedAt(), d.protectionEndsAt(), d.extensionsGranted(),
                d.extensions().stream().map(e -> new Extension(e.requestedAt(), e.reason(), e.status(), e.decidedAt(),
                        e.declineReason(), e.protectionEndsAt())).toList(),
                d.closedOn(), d.wonAmount(), d.wonCurrency(), d.lostReason());
    }

    /** A page of the list, and where the next one starts (null after the last). */
    record Page(List<ApiRegistration> items, @Schema(nullable = true) String nextCursor) {
    }
}
