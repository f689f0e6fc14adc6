package org.dealreg.review.internal;

import org.dealreg.conflicts.Verdict;
import org.dealreg.shared.ListOrder;
import org.dealreg.shared.SearchText;
import org.dealreg.web.ListLinks;

/**
 * What the managers' queue shows, as its URL says: a region and a verdict (null: every one), a search (a receipt
 * number or part of a partner's name) and an order (one of {@code ManagerReview.QUEUE_ORDERS}).
 */
public record QueueQuery(String region, Verdict verdict, SearchText search, ListOrder order) {

    /** The queue's links with these filters; the decisions' export lives under the queue's path too. */
    public ListLinks links(String path) {
        return ListLinks.of(path, order, "region", region, "verdict", verdict == null ? null : verdict.name(), "q",
                search.orNull());
    }
}
