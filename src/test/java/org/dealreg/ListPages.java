package org.dealreg;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the lists' paging tests check on every list alike (docs/lists.md). */
public final class ListPages {

    /** Issue 12's target: statements a page, session included. */
    public static final int STATEMENT_TARGET = 12;

    private ListPages() {
    }

    /** The first group of each match of {@code row} on the page, in order: the rows the page lists. */
    public static List<String> rows(Pattern row, String page) {
        List<String> rows = new ArrayList<>();
        Matcher m = row.matcher(page);
        while (m.find()) {
            rows.add(m.group(1));
        }
        return rows;
    }

    /** The same, for rows named by their id. */
    public static List<UUID> ids(Pattern row, String page) {
        return rows(row, page).stream().map(UUID::fromString).toList();
    }

    /** A page of one row costs the statements a full page costs (none per row), at most the target; prints them. */
    public static void sameStatementsForOneRowAsForAFullPage(String list, StatementCounter.Page full,
            StatementCounter.Page one) {
        System.out.printf("%s statements: full page %d, one row %d%n  %s%n", list, full.statements().size(),
                one.statements().size(), String.join("\n  ", full.statements()));
        assertThat(one.statements()).as(list + ": no statement per row").hasSameSizeAs(full.statements());
        assertThat(full.statements().size()).as(list + ": the target, session included")
                .isLessThanOrEqualTo(STATEMENT_TARGET);
    }

    /**
     * {@code list} (a path, to which {@code page=} is added) opened with a page number past the end shows the last
     * page, {@code last}; with one that is not a whole number from 0, the first, {@code first}; never an error.
     */
    public static <T> void pastTheEndIsTheLastPageAndNoNumberTheFirst(PortalClient browser, String list, long pages,
            Function<String, List<T>> rows, List<T> first, List<T> last) {
        String path = list + (list.contains("?") ? "&" : "?") + "page=";
        for (String pastTheEnd : List.of(String.valueOf(pages), "2147483647", "99999999999999999999")) {
            var response = browser.get(path + pastTheEnd);
            assertThat(response.statusCode()).as(pastTheEnd).isEqualTo(200);
            assertThat(rows.apply(response.body())).as(list + " page " + pastTheEnd).isEqualTo(last);
        }
        for (String malformed : List.of("abc", "-1", "1.5", "")) {
            var response = browser.get(path + malformed);
            assertThat(response.statusCode()).as(malformed).isEqualTo(200);
            assertThat(rows.apply(response.body())).as(list + " page '" + malformed + "'").isEqualTo(first);
        }
    }

    /** Every page of {@code list} in turn, its rows one after the other. */
    public static <T> List<T> everyPage(PortalClient browser, String list, long pages, Function<String, List<T>> rows) {
        List<T> all = new ArrayList<>();
        for (long page = 0; page < pages; page++) {
            all.addAll(rows.apply(browser.get(list + "?page=" + page).body()));
        }
        return all;
    }

    /** A count as a page in English or French writes it. */
    public static String number(long n, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }
}
