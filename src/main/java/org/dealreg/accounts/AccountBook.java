package org.dealreg.accounts;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Keeps the direct-sales accounts: what imports, the API and the demo data write through. */
public interface AccountBook {

    /** Creates the account with this CRM id, or updates it: name, country, domains and owner. */
    UUID upsert(String crmId, String name, String country, Set<String> domains, UUID ownerId);

    boolean exists(String crmId);

    /** The account with this CRM id. */
    Optional<UUID> idOf(String crmId);

    /** The rep is in contact with the customer from that day; on an open engagement it records activity that day. */
    void engage(UUID accountId, UUID repId, LocalDate since);

    /** Direct sales is no longer in contact with the customer from that day: its open engagements end then. */
    void endEngagements(UUID accountId, LocalDate on);
}
