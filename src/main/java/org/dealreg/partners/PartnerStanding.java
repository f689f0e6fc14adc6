package org.dealreg.partners;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The channel managers' changes to a partner (DESIGN.md §2): its specialisations, and its tier and status — each
 * with a reason, audited and mailed to the partner's admins.
 */
public interface PartnerStanding {

    /** @throws org.dealreg.shared.RulesBroken for a code not in the catalogue or retired */
    void setSpecializations(UUID partnerId, Set<String> codes, UUID manager);

    /** To Certified. @throws org.dealreg.shared.RulesBroken when it holds no specialisation, is already Certified, or is not active */
    void promote(UUID partnerId, String reason, UUID manager);

    /** To Registered. @throws org.dealreg.shared.RulesBroken when it is Registered already: there is nothing below */
    void demote(UUID partnerId, String reason, UUID manager);

    /** Its users can no longer sign in or submit. @throws org.dealreg.shared.RulesBroken when it is not active */
    void suspend(UUID partnerId, String reason, UUID manager);

    /** @throws org.dealreg.shared.RulesBroken when it is not suspended */
    void reactivate(UUID partnerId, String reason, UUID manager);

    /** The partner's changes of tier and status, newest first. */
    List<Change> history(UUID partnerId);

    record Change(java.time.Instant at, UUID changedBy, Tier fromTier, Tier toTier, PartnerStatus fromStatus,
            PartnerStatus toStatus, String reason) {
    }
}
