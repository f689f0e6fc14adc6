package org.dealreg.shared;

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
}
