package org.dealreg.credits.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.dealreg.program.FiscalPeriods;
import org.dealreg.credits.CreditSource;
import org.springframework.data.domain.Page;

/**
 * A rep's "My credits" page: their credits, newest first, and the totals of the current fiscal quarter and year.
 * A partner's credit shows the account, the amounts and the day it closed — nothing else of the registration.
 */
public record CreditStatement(Page<Line> credits, FiscalPeriods.Period quarter, FiscalPeriods.Period year,
        Totals quarterTotals, Totals yearTotals) {

    public record Line(String accountName, BigDecimal amountUsd, BigDecimal amount, String currency,
            LocalDate closedOn, CreditSource source) {

        /** The amount as won, worth showing when it was not in US dollars. */
        public boolean converted() {
            return !"USD".equals(currency);
        }
    }

    /** Sums in US dollars. */
    public record Totals(BigDecimal direct, BigDecimal partner) {

        public BigDecimal overall() {
            return direct.add(partner);
        }
    }
}
