package org.dealreg.shared;

/**
 * The page number of a paged list, as the URL carries it: counted from 0 (Spring Data's convention, the first page
 * has no number in its links). A number that is not one, or below 0, asks for the first page; one past the end
 * shows the last page. Neither is an error: a bookmark to page 7 of a list that shrank still opens.
 */
public final class Paging {

    private Paging() {
    }

    /** The page the URL asks for; anything but a whole number from 0 asks for the first page. */
    public static int requested(String page) {
        if (page == null || page.isEmpty() || page.length() > 9 || !page.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        return Integer.parseInt(page);
    }

    /** The page to show of {@code total} rows, {@code size} a page: the one asked for, or the last when past it. */
    public static int shown(int requested, long total, int size) {
        long last = total == 0 ? 0 : (total - 1) / size;
        return (int) Math.min(Math.max(requested, 0), last);
    }
}
