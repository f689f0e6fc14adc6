package org.dealreg.credits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sums of the credit ledger for the dashboards: amounts in USD by source, never which deal a credit came from. */
public interface CreditFigures {

    /** The rep's credits closed from {@code first} to {@code last} (both included), per source, every source listed. */
    Map<CreditSource, BigDecimal> totals(UUID repId, LocalDate first, LocalDate last);

    record Month(YearMonth month, BigDecimal direct, BigDecimal partner) {
    }

    /** Every rep's credits per month of closing, months with none included (the programme's direct revenue). */
    List<Month> perMonth(YearMonth first, YearMonth last);
}
