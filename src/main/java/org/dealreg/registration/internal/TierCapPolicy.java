package org.dealreg.registration.internal;

import org.dealreg.partners.Tier;
import org.dealreg.shared.RulesBroken;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The tier's cap of open registrations (DESIGN.md §4, the settings {@code open-cap-registered} and
 * {@code open-cap-certified}): a company with as many open registrations as its tier allows registers no more until
 * one ends. The form says so before it is filled in ({@link SubmissionGate#atCap()}); at submission
 * {@link SubmissionQuota} counts the open registrations and the submissions under way in one statement, comparing
 * the same way ({@code counted < cap}), so two at once cannot both pass.
 */
final class TierCapPolicy {

    private TierCapPolicy() {
    }

    static boolean reached(long open, int cap) {
        return open >= cap;
    }

    /** The refusal of a registration over the cap, naming the count, the tier and its cap. */
    static RulesBroken refusal(long open, Tier tier, int cap) {
        return RulesBroken.global("deal.cap.reached", open, new DefaultMessageSourceResolvable("tier." + tier), cap);
    }
}
