package org.dealreg.program.internal;

import java.math.BigDecimal;

import org.dealreg.shared.RulesBroken;


/** What an exchange rate may be: a plain decimal above zero, at most eight decimals (the column's scale). */
final class RateRules {

    static final BigDecimal MAX = new BigDecimal("1000000");

    private RateRules() {
    }

    /** The rate typed, with a point or a comma as the decimal mark. */
    static BigDecimal parse(String typed) {
        String value = typed.trim().replace(',', '.');
        if (!value.matches("-?\\d{1,7}(\\.\\d{1,8})?")) {
            throw RulesBroken.on("usdPerUnit", "admin.rates.invalid");
        }
        BigDecimal rate = new BigDecimal(value);
        if (rate.signum() <= 0) {
            throw RulesBroken.on("usdPerUnit", "admin.rates.positive");
        }
        if (rate.compareTo(MAX) >= 0) {
            throw RulesBroken.on("usdPerUnit", "admin.rates.invalid");
        }
        return rate;
    }
}
