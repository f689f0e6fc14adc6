package org.dealreg.registration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dealreg.conflicts.Verdict;

/**
 * Every company's registrations for the vendor's CRM, plain fields only: never a field the partner typed (those are
 * encrypted, and the CRM is where the vendor's reps work).
 */
public interface RegistrationFeed {

    /**
     * The registrations changed at or after {@code since} (null: all), oldest change first, after {@code after} (null:
     * from the start), at most {@code limit}; {@code next} is where the following page starts, null after the last.
     */
    Page changes(Instant since, ChangeMark after, int limit);

    record Entry(UUID id, String receiptNumber, UUID partnerId, RegistrationStatus status, Verdict verdict,
            BigDecimal amountUsd, Instant submittedAt, Instant decisionDueAt, Instant decidedAt,
            Instant protectionEndsAt, Instant endedAt, LocalDate closedOn, BigDecimal wonAmountUsd,
            Instant changedAt) {
    }

    record Page(List<Entry> entries, ChangeMark next) {
    }
}
