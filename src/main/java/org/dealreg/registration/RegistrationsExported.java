package org.dealreg.registration;

import java.time.Instant;
import java.util.UUID;

/**
 * A partner user downloaded their company's registrations, decrypted: which company, who, the list's status filter
 * (null for every status), the format and how many registrations the file holds. Recorded in the audit trail as the
 * company's own look at them; no partner-typed text travels with it.
 */
public record RegistrationsExported(UUID partnerId, UUID exportedBy, String role, RegistrationStatus status,
        String format, long rows, Instant at) {
}
