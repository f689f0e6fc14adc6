package org.dealreg.review.internal;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One match of the conflict report as a manager reads it: what matched, the score, and either the direct
 * account (name, owner, engaged) or the other partner's earlier registration.
 */
public record ReportLine(String kind, BigDecimal score, UUID accountId, String accountName, String ownerName,
        Boolean engaged, UUID otherRegistrationId, String otherPartnerName) {

    public boolean account() {
        return accountId != null;
    }
}
