package org.dealreg.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.dealreg.program.FiscalPeriods.Period;
import org.junit.jupiter.api.Test;

class FiscalPeriodsTest {

    @Test
    void aYearStartingInJanuaryIsTheCalendarYearCutIntoCalendarQuarters() {
        FiscalPeriods periods = new FiscalPeriods(1);
        assertThat(periods.yearOf(day("2026-05-17"))).isEqualTo(period("2026-01-01", "2026-12-31"));
        assertThat(periods.quarterOf(day("2026-01-01"))).isEqualTo(period("2026-01-01", "2026-03-31"));
        assertThat(periods.quarterOf(day("2026-05-17"))).isEqualTo(period("2026-04-01", "2026-06-30"));
        assertThat(periods.quarterOf(day("2026-09-30"))).isEqualTo(period("2026-07-01", "2026-09-30"));
        assertThat(periods.quarterOf(day("2026-12-31"))).isEqualTo(period("2026-10-01", "2026-12-31"));
    }

    @Test
    void aYearStartingInJulyRunsIntoTheNextCalendarYear() {
        FiscalPeriods periods = new FiscalPeriods(7);
        assertThat(periods.yearOf(day("2026-06-30"))).isEqualTo(period("2025-07-01", "2026-06-30"));
        assertThat(periods.yearOf(day("2026-07-01"))).isEqualTo(period("2026-07-01", "2027-06-30"));
        assertThat(periods.quarterOf(day("2026-07-01"))).isEqualTo(period("2026-07-01", "2026-09-30"));
        assertThat(periods.quarterOf(day("2027-02-10"))).isEqualTo(period("2027-01-01", "2027-03-31"));
        assertThat(periods.quarterOf(day("2026-06-30"))).isEqualTo(period("2026-04-01", "2026-06-30"));
    }

    @Test
    void quartersStraddlingTheNewYearAndLeapDaysEndOnTheirLastDay() {
        FiscalPeriods november = new FiscalPeriods(11);
        assertThat(november.quarterOf(day("2027-01-15"))).isEqualTo(period("2026-11-01", "2027-01-31"));
        assertThat(november.quarterOf(day("2028-02-29"))).isEqualTo(period("2028-02-01", "2028-04-30"));
        assertThat(new FiscalPeriods(12).quarterOf(day("2028-02-29"))).isEqualTo(period("2027-12-01", "2028-02-29"));
        assertThat(new FiscalPeriods(3).yearOf(day("2028-02-29"))).isEqualTo(period("2027-03-01", "2028-02-29"));
    }

    @Test
    void todayIsTheRepsOwnDayInTheirTimeZone() {
        Instant lateOnNewYearsEveInLondon = Instant.parse("2026-12-31T23:30:00Z");
        FiscalPeriods periods = new FiscalPeriods(1);

        FiscalPeriods.Current inNewYork = periods.at(lateOnNewYearsEveInLondon, ZoneId.of("America/New_York"));
        FiscalPeriods.Current inParis = periods.at(lateOnNewYearsEveInLondon, ZoneId.of("Europe/Paris"));

        assertThat(inNewYork.today()).isEqualTo(day("2026-12-31"));
        assertThat(inNewYork.year()).isEqualTo(period("2026-01-01", "2026-12-31"));
        assertThat(inParis.today()).isEqualTo(day("2027-01-01"));
        assertThat(inParis.quarter()).isEqualTo(period("2027-01-01", "2027-03-31"));
        assertThat(inParis.year()).isEqualTo(period("2027-01-01", "2027-12-31"));
    }

    @Test
    void aPeriodContainsItsFirstAndLastDays() {
        Period q = period("2026-04-01", "2026-06-30");
        assertThat(q.contains(day("2026-04-01"))).isTrue();
        assertThat(q.contains(day("2026-06-30"))).isTrue();
        assertThat(q.contains(day("2026-03-31"))).isFalse();
        assertThat(q.contains(day("2026-07-01"))).isFalse();
    }

    @Test
    void aMonthOutsideOneToTwelveIsAMistakeInTheSettings() {
        assertThatThrownBy(() -> new FiscalPeriods(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FiscalPeriods(13)).isInstanceOf(IllegalArgumentException.class);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static Period period(String first, String last) {
        return new Period(day(first), day(last));
    }
}
