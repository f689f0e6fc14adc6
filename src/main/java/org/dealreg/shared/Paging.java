package org.dealreg.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowMapper;

/**
 * The page number of a paged list, as the URL carries it: counted from 0 (Spring Data's convention). Anything but a
 * whole number from 0 asks for the first page; a number past the end shows the last page. Neither is an error: a bookmark to page 7 of a list that shrank still opens.
 */
public final class Paging {

    /** Higher than any list's last page, low enough that its offset stays an int for JPA (50 a page). */
    static final int BEYOND_ANY_END = 1_000_000;

    private Paging() {
    }

    /**
     * The page the URL asks for; anything but a whole number from 0 asks for the first page, and a number past
     * {@link #BEYOND_ANY_END} asks for that one (so, the last).
     */
    public static int requested(String page) {
        if (page == null || page.isEmpty() || !page.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        return page.length() > 7 ? BEYOND_ANY_END : Math.min(Integer.parseInt(page), BEYOND_ANY_END);
    }

    /** The page to show of {@code total} rows, {@code size} a page: the one asked for, or the last when past it. */
    public static int shown(int requested, long total, int size) {
        long last = total == 0 ? 0 : (total - 1) / size;
        return (int) Math.min(Math.max(requested, 0), last);
    }

    /**
     * One page of a list that PostgreSQL counts and pages: {@code count} first (over every row the filters keep),
     * then the rows of the page shown, {@code size} a page (the last page when {@code requested} is past it). Two
     * statements, whatever the number of rows; none for the rows when there are none.
     */
    public static <T> Page<T> page(int requested, int size, LongSupplier count, Rows<T> rows) {
        long total = count.getAsLong();
        int shown = shown(requested, total, size);
        List<T> content = total == 0 ? List.of() : rows.read((long) shown * size, size);
        return new PageImpl<>(content, PageRequest.of(shown, size), total);
    }

    /**
     * {@link #page(int, int, LongSupplier, Rows)} for a list read by SQL: {@code countSql} counts the rows,
     * {@code rowsSql} (ending with {@code limit ? offset ?}) reads the page's, both with the same {@code arguments}.
     */
    public static <T> Page<T> page(int requested, int size, JdbcOperations jdbc, String countSql, String rowsSql,
            RowMapper<T> mapper, List<Object> arguments) {
        return page(requested, size, () -> jdbc.queryForObject(countSql, Long.class, arguments.toArray()),
                (offset, limit) -> {
                    List<Object> paged = new ArrayList<>(arguments);
                    paged.add(limit);
                    paged.add(offset);
                    return jdbc.query(rowsSql, mapper, paged.toArray());
                });
    }

    /** Reads the rows of one page: {@code limit} rows from {@code offset}, in the list's order. */
    @FunctionalInterface
    public interface Rows<T> {
        List<T> read(long offset, int limit);
    }
}
