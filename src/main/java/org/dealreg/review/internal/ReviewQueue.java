package org.dealreg.review.internal;

import java.util.Optional;

import org.dealreg.conflicts.Verdict;
import org.dealreg.registration.PendingCounts;
import org.springframework.data.domain.Page;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The queue as shown: one page of the rows a filter keeps, due first, and how many the filter keeps in all and in
 * each state (over every page, not this one); and how many registrations the filter keeps were decided, for the
 * export of decisions.
 */
public record ReviewQueue(Page<QueueRow> rows, PendingCounts counts, String region, Verdict verdict, long decided) {

    static final int PAGE_SIZE = 50;

    public long count(DeadlineBadge badge) {
        return switch (badge) {
            case ON_TIME -> counts.onTime();
            case DUE_SOON -> counts.dueSoon();
            case OVERDUE -> counts.overdue();
        };
    }

    /** The queue's export as a file in {@code format} ({@code csv}, {@code xlsx}), with the queue's filters. */
    public String exportAddress(String format) {
        return exportAddress("/review/export", format);
    }

    /** The export of the decisions the queue's filters keep ({@link #decided} of them). */
    public String decisionsExportAddress(String format) {
        return exportAddress("/review/decisions/export", format);
    }

    private String exportAddress(String path, String format) {
        return UriComponentsBuilder.fromPath(path).queryParam("format", format)
                .queryParamIfPresent("region", Optional.ofNullable(region))
                .queryParamIfPresent("verdict", Optional.ofNullable(verdict)).encode().build().toUriString();
    }

    /** The queue's own address with its filters, to which the pagination adds the page. */
    public String address() {
        return UriComponentsBuilder.fromPath("/review").queryParamIfPresent("region", Optional.ofNullable(region))
                .queryParamIfPresent("verdict", Optional.ofNullable(verdict)).encode().build().toUriString();
    }
}
