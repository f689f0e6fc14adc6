package org.dealreg.partners;

import java.time.Instant;
import java.util.UUID;

/**
 * A channel manager promoted, demoted, suspended or reactivated a partner. {@code reason} is the manager's words to
 * the partner's admins (mailed to them, kept with the partner); the audit trail records the change without it.
 */
public record PartnerStandingChanged(UUID partnerId, Tier fromTier, Tier toTier, PartnerStatus fromStatus,
        PartnerStatus toStatus, String reason, UUID changedBy, Instant at) {

    /** promoted, demoted, suspended or reactivated: the word for what happened. */
    public String change() {
        if (fromStatus != toStatus) {
            return toStatus == PartnerStatus.SUSPENDED ? "suspended" : "reactivated";
        }
        return toTier == Tier.CERTIFIED ? "promoted" : "demoted";
    }
}
