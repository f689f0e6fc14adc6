package org.dealreg.shared;

import java.util.Arrays;
import java.util.Optional;

/** The currencies a registration may be written in; a code is one of them exactly as offered ("USD ", "usd" are not). */
public enum SupportedCurrency {
    USD, EUR;

    public static Optional<SupportedCurrency> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }
}
