package org.dealreg.conflicts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The stored report of a registration's check, for the vendor's managers only: the verdict and every match with
 * what matched and its score. {@code similarNamesListedAt} is null while (or when) the similar names of
 * accounts nobody is in contact with have not been added.
 */
public record ConflictReport(Verdict verdict, Instant checkedAt, Instant similarNamesListedAt, List<Match> matches) {

    /**
     * One match. {@code kind} is ACCOUNT_DOMAIN, ACCOUNT_NAME, ACCOUNT_SIMILAR_NAME (then the account fields are
     * set) or PARTNER_DOMAIN, PARTNER_NAME (then the other registration and its partner are).
     */
    public record Match(String kind, BigDecimal score, UUID accountId, UUID accountOwnerId, Boolean accountEngaged,
            UUID otherRegistrationId, UUID otherPartnerId) {

        public boolean account() {
            return accountId != null;
        }
    }
}
