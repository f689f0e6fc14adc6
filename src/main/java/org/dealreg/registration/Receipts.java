package org.dealreg.registration;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Receipt numbers, the name people use for a registration (the audit trail shows and searches by them). */
public interface Receipts {

    /** The receipt numbers of registrations by id, in one query. */
    Map<UUID, String> of(Collection<UUID> registrationIds);

    /** The registration with this receipt number. */
    Optional<UUID> registration(String receiptNumber);
}
