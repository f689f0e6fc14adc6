package org.dealreg.registration;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Receipt numbers, the name people use for a registration (the audit trail shows and searches by them), and what a
 * registration's receipt states (docs/receipts.md).
 */
public interface Receipts {

    /** The receipt numbers of registrations by id, in one query. */
    Map<UUID, String> of(Collection<UUID> registrationIds);

    /** The registration with this receipt number. */
    Optional<UUID> registration(String receiptNumber);

    /** The partner's own registration's receipt; empty for another company's. */
    Optional<Receipt> forPartner(UUID registrationId, UUID partnerId);

    /** A registration's receipt, for the vendor's staff who review it. */
    Optional<Receipt> forStaff(UUID registrationId);

    /** What a receipt states: its number, the customer as the partner typed it, and when it was submitted. */
    record Receipt(UUID registrationId, String number, String customerName, Instant submittedAt) {
    }
}
