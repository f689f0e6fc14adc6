package org.dealreg.program;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** Admin-maintained rates; a rate is in force from its date until the next one for the same currency. */
public interface ExchangeRates {

    /** US dollars per unit of the currency on that day; USD is always 1. */
    Optional<BigDecimal> usdPerUnit(String currency, LocalDate day);

    void record(String currency, BigDecimal usdPerUnit, LocalDate validFrom);
}
