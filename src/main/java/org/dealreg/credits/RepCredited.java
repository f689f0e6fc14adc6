package org.dealreg.credits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A rep was credited a won deal. Published inside the transaction that stores the credit. {@code registrationId} is
 * set for a {@code PARTNER} credit only; {@code recordedBy} is the rep for a direct win, null when the programme
 * credited a partner's close. Carries ids, amounts and dates only.
 */
public record RepCredited(UUID creditId, UUID repId, UUID accountId, CreditSource source, BigDecimal amountUsd,
        LocalDate closedOn, UUID registrationId, UUID recordedBy) {
}
