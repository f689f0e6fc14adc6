package org.dealreg.conflicts;

import java.util.List;

import org.dealreg.accounts.AccountMatch;

/**
 * DESIGN.md §6: CONFLICT when direct sales was engaged with a strongly matching account before the
 * submission, or another partner holds an earlier active registration; REVIEW for a weak match with an
 * engaged account or a strong match with an owned account that is not engaged; CLEAR otherwise.
 */
public final class ConflictVerdictPolicy {

    private ConflictVerdictPolicy() {
    }

    public static Verdict decide(List<AccountMatch> accounts, boolean earlierClaimByAnotherPartner) {
        if (earlierClaimByAnotherPartner) {
            return Verdict.CONFLICT;
        }
        boolean strongEngaged = accounts.stream().anyMatch(m -> m.kind().strong() && m.engaged());
        if (strongEngaged) {
            return Verdict.CONFLICT;
        }
        boolean weakEngaged = accounts.stream().anyMatch(m -> !m.kind().strong() && m.engaged());
        boolean strongOwned = accounts.stream().anyMatch(m -> m.kind().strong());
        return weakEngaged || strongOwned ? Verdict.REVIEW : Verdict.CLEAR;
    }
}
