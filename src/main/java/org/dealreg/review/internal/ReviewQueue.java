package org.dealreg.review.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.dealreg.conflicts.Verdict;

/** The queue as shown: the rows a filter keeps, due first, and how many of them are in each state. */
public record ReviewQueue(List<QueueRow> rows, Map<DeadlineBadge, Long> counts, String region, Verdict verdict) {

    static ReviewQueue of(List<QueueRow> rows, String region, Verdict verdict) {
        Map<DeadlineBadge, Long> counts = new EnumMap<>(DeadlineBadge.class);
        for (DeadlineBadge badge : DeadlineBadge.values()) {
            counts.put(badge, rows.stream().filter(r -> r.badge() == badge).count());
        }
        return new ReviewQueue(rows, counts, region, verdict);
    }

    public long count(DeadlineBadge badge) {
        return counts.get(badge);
    }
}
