package org.dealreg.registration.internal;

import java.util.Locale;

import org.springframework.data.domain.Sort;

/**
 * How the partner's list may be sorted, as its column headers offer (kept in the URL: {@code sort}, {@code dir}):
 * by submission (newest first, the default), amount in USD (so amounts in two currencies compare) or status. Anything else is the default. Ties are broken by id, so paging never repeats or skips a row.
 */
public record ListOrder(String column, boolean ascending) {

    static final ListOrder DEFAULT = new ListOrder("submitted", false);

    static ListOrder of(String column, String direction) {
        String chosen = column == null ? "" : column.toLowerCase(Locale.ROOT);
        if (!java.util.Set.of("submitted", "amount", "status").contains(chosen)) {
            return DEFAULT;
        }
        return new ListOrder(chosen, "asc".equalsIgnoreCase(direction));
    }

    Sort sort() {
        String property = switch (column) {
            case "amount" -> "amountUsd";
            case "status" -> "status";
            default -> "submittedAt";
        };
        Sort.Direction direction = ascending ? Sort.Direction.ASC : Sort.Direction.DESC;
        return Sort.by(new Sort.Order(direction, property).nullsLast(), new Sort.Order(direction, "id"));
    }

    /** The direction a click on {@code other}'s header asks for: the other way on the current column, else descending. */
    public String nextDirection(String other) {
        return other.equals(column) && !ascending ? "asc" : "desc";
    }

    /** The header's aria-sort: how the list is sorted by this column, if it is. */
    public String ariaSort(String other) {
        return !other.equals(column) ? "none" : ascending ? "ascending" : "descending";
    }

    public String direction() {
        return ascending ? "asc" : "desc";
    }
}
