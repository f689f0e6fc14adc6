package org.dealreg.credits.internal;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount as a rep types it in English or French: "250000", "250,000", "250 000,50", "250.000", "1,234.56".
 * Spaces and apostrophes group digits. A point or comma followed by one or two last digits is the decimal mark;
 * any other point or comma groups thousands by threes, and only one kind may group. A third decimal is not read.
 */
final class AmountText {

    private static final Pattern DECIMALS = Pattern.compile("([.,])([0-9]{1,2})$");
    private static final Pattern WHOLE = Pattern.compile("[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:\\.[0-9]{3})+");

    private AmountText() {
    }

    static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.replaceAll("[\\s\\u00A0\\u202F']", "");
        String whole = s;
        String fraction = "0";
        Matcher decimals = DECIMALS.matcher(s);
        if (decimals.find()) {
            whole = s.substring(0, decimals.start());
            fraction = decimals.group(2);
            if (whole.contains(decimals.group(1))) {
                return Optional.empty();
            }
        }
        if (!WHOLE.matcher(whole).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(whole.replaceAll("[.,]", "") + "." + fraction));
    }
}
