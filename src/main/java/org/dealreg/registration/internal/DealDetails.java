package org.dealreg.registration.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.dealreg.conflicts.Verdict;
import org.dealreg.registration.RegistrationStatus;

/** A registration as its own partner sees it, decrypted. */
public record DealDetails(UUID id, String receiptNumber, RegistrationStatus status, String customerName,
        String customerWebsite, String customerCountry, String customerCity, String contactName, String contactEmail,
        String contactPhone, String title, String description, String competitors, String specializationCode,
        BigDecimal amount, String currency, BigDecimal usdPerUnit, BigDecimal amountUsd, LocalDate expectedCloseDate,
        Verdict verdict, Instant submittedAt, Instant decisionDueAt) {

    static DealDetails of(Registration r) {
        return new DealDetails(r.id(), r.receiptNumber(), r.status(), r.customerName(), r.customerWebsite(),
                r.customerCountry(), r.customerCity(), r.contactName(), r.contactEmail(), r.contactPhone(), r.title(),
                r.description(), r.competitors(), r.specializationCode(), r.amount(), r.currency(), r.usdPerUnit(),
                r.amountUsd(), r.expectedCloseDate(), r.verdict(), r.submittedAt(), r.decisionDueAt());
    }

    public boolean awaitingDecision() {
        return status == RegistrationStatus.SUBMITTED;
    }

    public boolean convertedFromOtherCurrency() {
        return !"USD".equals(currency);
    }
}
