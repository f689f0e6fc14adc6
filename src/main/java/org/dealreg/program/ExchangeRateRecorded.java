package org.dealreg.program;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The programme admin recorded a rate, in force from its day until the next one of the same currency. */
public record ExchangeRateRecorded(String currency, BigDecimal usdPerUnit, LocalDate validFrom) {
}
