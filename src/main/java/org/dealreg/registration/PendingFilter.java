package org.dealreg.registration;

import java.util.Set;
import java.util.UUID;

import org.dealreg.conflicts.Verdict;
import org.dealreg.shared.SearchText;

/**
 * Which registrations the managers' queue (and its export of decisions) shows: those of some partners (null: every
 * partner's) and of one verdict (null: every verdict); with a search, those whose receipt number contains it (any case)
 * or whose partner is one of {@code partnersNamed} (the companies whose name contains it, found by the partners
 * module).
 */
public record PendingFilter(Set<UUID> partnerIds, Verdict verdict, SearchText search, Set<UUID> partnersNamed) {

    public PendingFilter(Set<UUID> partnerIds, Verdict verdict) {
        this(partnerIds, verdict, SearchText.of(null), Set.of());
    }

    public static PendingFilter everything() {
        return new PendingFilter(null, null);
    }
}
