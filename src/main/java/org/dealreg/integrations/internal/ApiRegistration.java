package org.dealreg.integrations.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dealreg.registration.DealDetails;

/**
 * A registration as the partners' API answers it: what the partner typed, decrypted, and what the vendor decided.
 * {@code version} is what an action sends back (optional) to act only if nothing changed since it was read.
 */
record ApiRegistration(UUID id, String receiptNumber, String status, String verdict, int version,
        String customerName, String customerWebsite, String customerCountry, String customerCity,
        String contactName, String contactEmail, String contactPhone, String title, String description,
        String competitors, String specialization, BigDecimal amount, String currency, BigDecimal amountUsd,
        LocalDate expectedCloseDate, Instant submittedAt, Instant decisionDueAt, Instant decidedAt,
        String rejectionReason, String rejectionComment, Instant endedAt, Instant protectionEndsAt,
        int extensionsGranted, List<Extension> extensions, LocalDate closedOn, BigDecimal wonAmount,
        String wonCurrency, String lostReason) {

    record Extension(Instant requestedAt, String reason, String status, Instant decidedAt, String declineReason,
            Instant protectionEndsAt) {
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
    record Page(List<ApiRegistration> items, String nextCursor) {
    }
}
