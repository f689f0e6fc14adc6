package org.dealreg.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an amount as people type it in English or French: "75000", "75,000.50", "75 000,50", "75.000". Digits may be
 * grouped by threes with one grouping mark used throughout: a comma, a point, a space, a no-break space or a narrow
 * no-break space. An optional decimal part follows with the other mark (a point or a comma). With one mark only, a
 * mark that groups the digits by threes ("75.000", "1,234,567") groups thousands; a single other mark is the decimal
 * mark ("80000.001" has three decimals). Anything else is not an amount: underscores, apostrophes, groups that are
 * not threes ("12 0 0 0 0", "1,2,3"), two grouping marks.
 * <p>
 * One reading for every amount a person types (a deal, a won close, a rep's direct win, an objective), so "75.000"
 * never means one thing on one form and another on the next.
 */
public final class Amounts {

    /** No deal is worth this much: a typo, not an amount. */
    public static final BigDecimal MAX = new BigDecimal("1000000000000");

    /** What is wrong with a typed amount. */
    public enum Problem { INVALID, NOT_POSITIVE, TOO_LARGE, SCALE }

    /** A typed amount: the amount in cents, or what is wrong with it. */
    public record Reading(BigDecimal amount, Problem problem) {
    }

    private Amounts() {
    }

    /** An amount of money: above zero, below {@link #MAX}, at most two decimals, scaled to two. */
    public static Reading money(String text) {
        Optional<BigDecimal> parsed = parse(text);
        if (parsed.isEmpty()) {
            return new Reading(null, Problem.INVALID);
        }
        BigDecimal amount = parsed.get();
        if (amount.signum() <= 0) {
            return new Reading(null, Problem.NOT_POSITIVE);
        }
        if (amount.compareTo(MAX) >= 0) {
            return new Reading(null, Problem.TOO_LARGE);
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return new Reading(null, Problem.SCALE);
        }
        return new Reading(amount.setScale(2, RoundingMode.UNNECESSARY), null);
    }

    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        boolean negative = text.startsWith("-");
        String s = negative ? text.substring(1) : text;
        if (!SHAPE.matcher(s).matches()) {
            return Optional.empty();
        }
        List<Character> marks = new ArrayList<>();
        for (char c : s.toCharArray()) {
            if (c < '0' || c > '9') {
                marks.add(c);
            }
        }
        String[] parts = s.split("[^0-9]");
        String whole;
        String fraction = null;
        char last = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
        if (marks.isEmpty()) {
            whole = s;
        } else if (marks.stream().distinct().count() == 1) {
            boolean decimalMark = last == '.' || last == ',';
            if (marks.size() == 1 && decimalMark && !(parts[0].length() <= 3 && parts[1].length() == 3)) {
                whole = parts[0];
                fraction = parts[1];
            } else if (groupedByThrees(parts, parts.length)) {
                whole = String.join("", parts);
            } else {
                return Optional.empty();
            }
        } else {
            // grouped whole part, then the other mark once, as the decimal mark
            boolean decimalMark = last == '.' || last == ',';
            boolean oneGroupingMark = marks.subList(0, marks.size() - 1).stream().distinct().count() == 1
                    && marks.get(0) != last;
            if (!decimalMark || !oneGroupingMark || !groupedByThrees(parts, parts.length - 1)) {
                return Optional.empty();
            }
            whole = String.join("", java.util.Arrays.copyOf(parts, parts.length - 1));
            fraction = parts[parts.length - 1];
        }
        BigDecimal value = new BigDecimal(fraction == null ? whole : whole + "." + fraction);
        return Optional.of(negative ? value.negate() : value);
    }

    /** Digits, with single marks between them. */
    private static final Pattern SHAPE = Pattern.compile("[0-9]+(?:[.,\\u0020\\u00A0\\u202F][0-9]+)*");

    /** The first {@code count} parts group thousands: one to three digits, then exactly three each. */
    private static boolean groupedByThrees(String[] parts, int count) {
        if (count < 2 || parts[0].isEmpty() || parts[0].length() > 3) {
            return false;
        }
        for (int i = 1; i < count; i++) {
            if (parts[i].length() != 3) {
                return false;
            }
        }
        return true;
    }
}
