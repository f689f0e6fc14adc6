package org.dealreg.program;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Fiscal years that start on the first day of a chosen month (setting {@code fiscal-year-start-month}, 1 = January),
 * cut into four quarters of three months. "Today" is the reader's own day, in their time zone: a rep's credits and a
 * partner's progress towards its objectives are counted over the same periods.
 */
public final class FiscalPeriods {

    /** From {@code first} to {@code last}, both included. */
    public record Period(LocalDate first, LocalDate last) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(first) && !day.isAfter(last);
        }
    }

    /** The rep's day and the fiscal quarter and year it falls in. */
    public record Current(LocalDate today, Period quarter, Period year) {
    }

    private final int startMonth;

    public FiscalPeriods(int startMonth) {
        if (startMonth < 1 || startMonth > 12) {
            throw new IllegalArgumentException("The fiscal year starts in a month from 1 to 12, not " + startMonth);
        }
        this.startMonth = startMonth;
    }

    public Current at(Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return new Current(today, quarterOf(today), yearOf(today));
    }

    public Period yearOf(LocalDate day) {
        LocalDate first = LocalDate.of(day.getYear(), startMonth, 1);
        if (first.isAfter(day)) {
            first = first.minusYears(1);
        }
        return new Period(first, first.plusYears(1).minusDays(1));
    }

    public Period quarterOf(LocalDate day) {
        int monthsIntoYear = Math.floorMod(day.getMonthValue() - startMonth, 12);
        LocalDate first = yearOf(day).first().plusMonths(monthsIntoYear / 3 * 3L);
        return new Period(first, first.plusMonths(3).minusDays(1));
    }
}
