package org.dealreg.registration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The partner closed an approved registration: {@code WON} with the final amount (and its value in USD at the
 * rate in force on {@code closedOn}), or {@code LOST} (then the amounts are null). Published inside the closing
 * transaction, so a listener that writes (the rep's credit, the audit trail) commits or rolls back with it.
 * Carries no typed text.
 */
public record RegistrationClosed(UUID registrationId, String receiptNumber, UUID partnerId, RegistrationStatus outcome,
        BigDecimal amount, String currency, BigDecimal amountUsd, LocalDate closedOn, UUID closedBy, Instant at) {

    public boolean won() {
        return outcome == RegistrationStatus.WON;
    }
}
