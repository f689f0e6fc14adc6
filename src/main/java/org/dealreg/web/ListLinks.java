package org.dealreg.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.dealreg.shared.ListOrder;
import org.springframework.web.util.UriUtils;

/**
 * The addresses of a list's page with its search, filters and order, so that its pagination, column headers and
 * export links all carry them (docs/lists.md). Filters with no value are left out, and so is the default order: the
 * links of a list with nothing chosen stay plain ({@code /partners?page=1}).
 */
public record ListLinks(String path, Map<String, String> filters, ListOrder order) {

    public ListLinks {
        Map<String, String> chosen = new LinkedHashMap<>();
        filters.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                chosen.put(name, value);
            }
        });
        filters = java.util.Collections.unmodifiableMap(chosen);
    }

    /** A list with the filters in the order given ({@code name, value, name, value…}; a null value is no filter). */
    public static ListLinks of(String path, ListOrder order, String... namesAndValues) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            filters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new ListLinks(path, filters, order);
    }

    /** The page's own address, to which the pagination adds the page number. */
    public String page() {
        return address(path, order, null);
    }

    /** The address of the list sorted as a click on {@code column}'s header asks. */
    public String sortedBy(String column) {
        return address(path, order.clicked(column), null);
    }

    /** The list's export in {@code format}: the same rows, in the same order. */
    public String export(String format) {
        return address(path + "/export", order, format);
    }

    /** The header's aria-sort for {@code column}. */
    public String ariaSort(String column) {
        return order.ariaSort(column);
    }

    /** Every value encoded strictly (a {@code +} or an {@code &} in a search stays itself). */
    private String address(String to, ListOrder sorted, String format) {
        Map<String, String> query = new LinkedHashMap<>();
        if (format != null) {
            query.put("format", format);
        }
        query.putAll(filters);
        if (!sorted.isDefault()) {
            query.put("sort", sorted.column());
            query.put("dir", sorted.direction());
        }
        StringJoiner joined = new StringJoiner("&", to + "?", "").setEmptyValue(to);
        query.forEach((name, value) -> joined.add(name + "=" + UriUtils.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }
}
