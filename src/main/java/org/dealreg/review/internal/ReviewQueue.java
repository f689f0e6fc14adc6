package org.dealreg.review.internal;

import org.dealreg.conflicts.Verdict;
import org.dealreg.registration.PendingCounts;
import org.springframework.data.domain.Page;
import org.dealreg.web.ListLinks;

/**
 * The queue as shown: one page of the rows its query keeps, in its order, and how many the filter keeps in all and in
 * each state (over every page, not this one); and how many registrations the filter keeps were decided, for the
 * export of decisions.
 */
public record ReviewQueue(Page<QueueRow> rows, PendingCounts counts, QueueQuery query, long decided) {

    static final int PAGE_SIZE = 50;

    public long count(DeadlineBadge badge) {
        return switch (badge) {
            case ON_TIME -> counts.onTime();
            case DUE_SOON -> counts.dueSoon();
            case OVERDUE -> counts.overdue();
        };
    }

    /** The queue's page, column headers and export, with its filters, search and order. */
    public ListLinks links() {
        return query.links("/review");
    }

    /** The decisions the queue's filters and search keep ({@link #decided} of them), as a file, the latest first. */
    public String decisionsExportAddress(String format) {
        QueueQuery unsorted = new QueueQuery(query.region(), query.verdict(), query.search(),
                query.order().columns().byDefault());
        return unsorted.links("/review/decisions").export(format);
    }

    public String region() {
        return query.region();
    }

    public Verdict verdict() {
        return query.verdict();
    }
}
