package org.dealreg.conflicts;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The stored reports, read by the vendor's managers. Partners only ever see a verdict's category. */
public interface ConflictReports {

    Optional<ConflictReport> find(UUID registrationId);

    /**
     * For each registration that matched a direct-sales account, the account that weighed most: a strong match (same
     * domain or name) before a similar name, then the higher score; in one query.
     */
    Map<UUID, UUID> matchedAccounts(Collection<UUID> registrationIds);
}
