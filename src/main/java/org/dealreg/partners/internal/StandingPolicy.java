package org.dealreg.partners.internal;

import org.dealreg.partners.PartnerStatus;
import org.dealreg.partners.Tier;
import org.dealreg.shared.RulesBroken;

/**
 * Which changes of tier and status the programme allows (DESIGN.md §2). Certified needs at least one
 * specialisation; there is nothing below Registered; only an active partner is promoted or suspended, only a
 * suspended one reactivated. A suspended partner keeps its tier, so reactivating it gives back what it had.
 */
final class StandingPolicy {

    enum Move { PROMOTE, DEMOTE, SUSPEND, REACTIVATE }

    record Standing(Tier tier, PartnerStatus status, int specializations) {
    }

    private StandingPolicy() {
    }

    /** @throws RulesBroken naming the rule the move breaks */
    static Standing apply(Standing now, Move move) {
        return switch (move) {
            case PROMOTE -> {
                if (now.status() != PartnerStatus.ACTIVE) {
                    throw RulesBroken.refused("partners.refused.notActive");
                }
                if (now.tier() == Tier.CERTIFIED) {
                    throw RulesBroken.refused("partners.refused.alreadyCertified");
                }
                if (now.specializations() == 0) {
                    throw RulesBroken.refused("partners.refused.noSpecialization");
                }
                yield new Standing(Tier.CERTIFIED, now.status(), now.specializations());
            }
            case DEMOTE -> {
                if (now.tier() == Tier.REGISTERED) {
                    throw RulesBroken.refused("partners.refused.belowRegistered");
                }
                yield new Standing(Tier.REGISTERED, now.status(), now.specializations());
            }
            case SUSPEND -> {
                if (now.status() != PartnerStatus.ACTIVE) {
                    throw RulesBroken.refused("partners.refused.notActive");
                }
                yield new Standing(now.tier(), PartnerStatus.SUSPENDED, now.specializations());
            }
            case REACTIVATE -> {
                if (now.status() != PartnerStatus.SUSPENDED) {
                    throw RulesBroken.refused("partners.refused.notSuspended");
                }
                yield new Standing(now.tier(), PartnerStatus.ACTIVE, now.specializations());
            }
        };
    }
}
