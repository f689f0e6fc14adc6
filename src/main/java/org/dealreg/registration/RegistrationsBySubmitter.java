package org.dealreg.registration;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Who of a partner company registered what: always asked for one company, so no other company's rows are read. */
public interface RegistrationsBySubmitter {

    /**
     * For each of {@code users} (a page of the company's users) who submitted any of the company's registrations: how
     * many, and the latest {@code latest} of them.
     */
    Map<UUID, Submitted> ofCompany(UUID partnerId, Collection<UUID> users, int latest);

    record Submitted(long count, List<Line> latest) {
    }

    /** Nothing the partner typed: the receipt, the status and when. */
    record Line(UUID registrationId, String receiptNumber, RegistrationStatus status, Instant submittedAt) {
    }
}
