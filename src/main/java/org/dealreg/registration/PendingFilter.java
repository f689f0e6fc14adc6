package org.dealreg.registration;

import java.util.Set;
import java.util.UUID;

import org.dealreg.conflicts.Verdict;

/**
 * Which pending registrations the managers' queue shows: those of some partners (null: every partner's) and of one
 * verdict (null: every verdict).
 */
public record PendingFilter(Set<UUID> partnerIds, Verdict verdict) {

    public static PendingFilter everything() {
        return new PendingFilter(null, null);
    }
}
