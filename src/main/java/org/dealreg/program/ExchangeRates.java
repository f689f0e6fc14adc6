package org.dealreg.program;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;

/** Admin-maintained rates; a rate is in force from its date until the next one for the same currency. */
public interface ExchangeRates {

    /** US dollars per unit of the currency on that day; USD is always 1. */
    Optional<BigDecimal> usdPerUnit(String currency, LocalDate day);

    void record(String currency, BigDecimal usdPerUnit, LocalDate validFrom);

    /**
     * A figure the rules keep in US dollars, written in another currency at the rate in force on that day, to whole
     * units rounded as asked (up, for a minimum a deal of that amount must pass); empty for USD itself or when no
     * rate is known, where the USD figure is shown alone.
     */
    default Optional<BigDecimal> fromUsd(BigDecimal usd, String currency, LocalDate day, RoundingMode rounding) {
        if ("USD".equals(currency)) {
            return Optional.empty();
        }
        return usdPerUnit(currency, day).filter(rate -> rate.signum() > 0).map(rate -> usd.divide(rate, 0, rounding));
    }
}
