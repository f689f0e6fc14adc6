package org.dealreg.shared;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a list is sorted, as its column headers offer and its URL keeps ({@code sort}, {@code dir}): one of the list's
 * {@link Columns}, one way or the other. A column the list does not offer is the list's default order; a direction
 * that is neither {@code asc} nor {@code desc} is the column's first direction. Ties are broken by the list's unique
 * key, always in its own order, so paging never repeats or skips a row (docs/lists.md).
 */
public record ListOrder(String column, boolean ascending, Columns columns) {

    /**
     * A list's sortable columns and how each orders, in SQL; built once per list, as a constant. {@code uniqueKey} is
     * the SQL that settles a tie, appended as it is ({@code "id"}, {@code "recorded_at desc, id"}).
     */
    public static ListOrder.Columns columns(String uniqueKey) {
        return new Columns(uniqueKey);
    }

    /** The order the URL asks for, or the list's default when it names no column of the list. */
    public static ListOrder of(String column, String direction, Columns columns) {
        Column chosen = column == null ? null : columns.byName.get(column.toLowerCase(Locale.ROOT));
        if (chosen == null) {
            return columns.byDefault();
        }
        boolean ascending = "asc".equalsIgnoreCase(direction) || !"desc".equalsIgnoreCase(direction) && chosen.firstAscending();
        return new ListOrder(chosen.name(), ascending, columns);
    }

    public boolean isDefault() {
        return equals(columns.byDefault());
    }

    /** The SQL {@code order by} list (without the words), the unique key last: constants only, never the URL's text. */
    public String sql() {
        String way = ascending ? "asc" : "desc";
        return "%s %s nulls last, %s".formatted(columns.byName.get(column).expression(), way, columns.uniqueKey);
    }

    /** The direction a click on {@code other}'s header asks for: the other way on the current column, else its first. */
    public String nextDirection(String other) {
        if (other.equals(column)) {
            return ascending ? "desc" : "asc";
        }
        Column next = columns.byName.get(other);
        return next != null && next.firstAscending() ? "asc" : "desc";
    }

    /** The header's aria-sort: how the list is sorted by this column, if it is. */
    public String ariaSort(String other) {
        return !other.equals(column) ? "none" : ascending ? "ascending" : "descending";
    }

    public String direction() {
        return ascending ? "asc" : "desc";
    }

    /** The same list sorted as a click on {@code other}'s header asks. */
    public ListOrder clicked(String other) {
        return of(other, nextDirection(other), columns);
    }

    private record Column(String name, String expression, boolean firstAscending) {
    }

    /**
     * The columns a list sorts by: each one's name in the URL, the SQL expression that orders by it and the direction
     * a first click asks for (names A to Z; amounts and dates largest and latest first), and the default.
     */
    public static final class Columns {

        private final Map<String, Column> byName = new LinkedHashMap<>();
        private final String uniqueKey;
        private String defaultColumn;

        private Columns(String uniqueKey) {
            this.uniqueKey = uniqueKey;
        }

        /** A column whose first click sorts it A to Z, smallest first. */
        public Columns ascending(String name, String expression) {
            byName.put(name, new Column(name, expression, true));
            return this;
        }

        /** A column whose first click sorts it largest or latest first. */
        public Columns descending(String name, String expression) {
            byName.put(name, new Column(name, expression, false));
            return this;
        }

        /** The order of the list with no {@code sort}: {@code name} in its first direction. */
        public Columns byDefault(String name) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("No column " + name);
            }
            defaultColumn = name;
            return this;
        }

        public ListOrder byDefault() {
            return new ListOrder(defaultColumn, byName.get(defaultColumn).firstAscending(), this);
        }
    }
}
