package org.dealreg.dashboards.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * One role's dashboard as the page and its JSON show it: headline figures and charts, every text already in the
 * reader's language. The page draws each chart from the JSON and shows the same figures in a table beside it.
 */
public record Dashboard(String kind, Filters filters, List<Figure> figures, List<Chart> charts) {

    /** The filters in force, and the choices the filter form offers (empty: that filter does not apply). */
    public record Filters(LocalDate from, LocalDate to, String region, String tier, List<String> regions,
            List<String> tiers) {
    }

    /** A headline figure, as text ("75 %", "5 h 30 min", "7 of 10"). */
    public record Figure(String key, String label, String value) {
    }

    /**
     * A chart: {@code type} is {@code bar}, {@code stacked} (bars piled up), {@code line} or {@code pie}; one value
     * per category in each series.
     */
    public record Chart(String key, String title, String type, String categoryTitle, List<String> categories,
            List<Series> series) {
    }

    /** Values shown with {@code decimals} decimals in the table. */
    public record Series(String name, int decimals, List<Number> values) {
    }
}
