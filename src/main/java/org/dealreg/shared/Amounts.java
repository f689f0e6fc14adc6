package org.dealreg.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Reads an amount as people type it in English or French: "75000", "75,000.50", "75 000,50",
 * "75.000". Spaces (also non-breaking ones) and apostrophes group digits. With both separators, the
 * last one is the decimal mark and the other must group by threes. With one kind only, separators that
 * group the digits by threes ("75.000", "1,234,567") group thousands; a single other separator is the
 * decimal mark ("80000.001" has three decimals). Anything else is not an amount.
 * <p>
 * One reading for every amount a person types (a deal, a won close, a rep's direct win), so "75.000" never means
 * one thing on one form and another on the next.
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
        String s = text.replaceAll("[\\s\\u00A0\\u202F'_]", "");
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1);
        }
        if (s.isEmpty() || !s.matches("[0-9.,]+") || !Character.isDigit(s.charAt(0))) {
            return Optional.empty();
        }
        int lastDot = s.lastIndexOf('.');
        int lastComma = s.lastIndexOf(',');
        String digits;
        if (lastDot >= 0 && lastComma >= 0) {
            int decimalAt = Math.max(lastDot, lastComma);
            char group = s.charAt(decimalAt) == '.' ? ',' : '.';
            String whole = s.substring(0, decimalAt);
            String fraction = s.substring(decimalAt + 1);
            if (!whole.matches("[0-9]{1,3}(\\" + group + "[0-9]{3})+") || !fraction.matches("[0-9]+")) {
                return Optional.empty();
            }
            digits = whole.replace(String.valueOf(group), "") + "." + fraction;
        } else if (lastDot >= 0 || lastComma >= 0) {
            char sep = lastDot >= 0 ? '.' : ',';
            int count = (int) s.chars().filter(c -> c == sep).count();
            String afterLast = s.substring(s.lastIndexOf(sep) + 1);
            boolean grouped = s.matches("[0-9]{1,3}(\\" + sep + "[0-9]{3})+");
            if (count > 1 && !grouped) {
                return Optional.empty();
            }
            if (grouped && (count > 1 || afterLast.length() == 3)) {
                digits = s.replace(String.valueOf(sep), "");
            } else {
                digits = s.replace(sep, '.');
            }
        } else {
            digits = s;
        }
        if (digits.endsWith(".") || digits.indexOf('.') != digits.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(digits);
            return Optional.of(negative ? value.negate() : value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
