package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DecisionDeadlinePolicyTest {

    @Test
    void aClearRegistrationIsDueTwentyFourCalendarHoursAfterSubmissionEvenOverAWeekend() {
        Instant fridayEvening = Instant.parse("2026-11-27T22:30:00Z");
        assertThat(DecisionDeadlinePolicy.dueAt(fridayEvening, Duration.ofHours(24)))
                .isEqualTo(Instant.parse("2026-11-28T22:30:00Z"));
    }

    @Test
    void aWindowMustBePositive() {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        assertThatThrownBy(() -> DecisionDeadlinePolicy.dueAt(now, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DecisionDeadlinePolicy.dueAt(now, Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Instant due(String submittedLocal, ZoneId zone, int hours, LocalDate... holidays) {
        Instant submitted = java.time.LocalDateTime.parse(submittedLocal).atZone(zone).toInstant();
        return DecisionDeadlinePolicy.dueAt(submitted, Duration.ofHours(hours),
                DecisionDeadlinePolicy.ClockMode.BUSINESS, zone, Set.of(holidays));
    }

    private static Instant local(String dateTime, ZoneId zone) {
        return java.time.LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    @Test
    void inBusinessHoursAFridayAfternoonSubmissionIsDueOnMondayAfternoon() {
        assertThat(due("2026-12-04T15:00", NEW_YORK, 24)).isEqualTo(local("2026-12-07T15:00", NEW_YORK));
        assertThat(due("2026-12-04T15:00", NEW_YORK, 48)).isEqualTo(local("2026-12-08T15:00", NEW_YORK));
    }

    @Test
    void aSubmissionOnASaturdayStartsCountingOnMondayMorning() {
        assertThat(due("2026-12-05T10:00", NEW_YORK, 24)).isEqualTo(local("2026-12-08T00:00", NEW_YORK));
    }

    @Test
    void theRegionsHolidaysDoNotCount() {
        // Christmas Day 2026 is a Friday: a Thursday-noon submission waits over Friday and the weekend
        assertThat(due("2026-12-24T12:00", NEW_YORK, 24, LocalDate.of(2026, 12, 25)))
                .isEqualTo(local("2026-12-28T12:00", NEW_YORK));
        assertThat(due("2026-12-24T12:00", NEW_YORK, 24)).as("without the holiday")
                .isEqualTo(local("2026-12-25T12:00", NEW_YORK));
    }

    @Test
    void theRegionsTimeZoneDecidesWhichDayItIs() {
        // Friday 20:00 in New York is already Saturday 02:00 in Paris
        Instant submitted = local("2026-12-04T20:00", NEW_YORK);
        assertThat(DecisionDeadlinePolicy.dueAt(submitted, Duration.ofHours(24), DecisionDeadlinePolicy.ClockMode.BUSINESS,
                NEW_YORK, Set.of())).isEqualTo(local("2026-12-07T20:00", NEW_YORK));
        assertThat(DecisionDeadlinePolicy.dueAt(submitted, Duration.ofHours(24), DecisionDeadlinePolicy.ClockMode.BUSINESS,
                PARIS, Set.of())).isEqualTo(local("2026-12-08T00:00", PARIS));
    }

    @Test
    void aWeekendWithADaylightSavingChangeStillSkipsExactlyTheWeekend() {
        // Paris leaves summer time on Sunday 25 October 2026; New York on Sunday 1 November 2026
        assertThat(due("2026-10-23T15:00", PARIS, 24)).isEqualTo(local("2026-10-26T15:00", PARIS));
        assertThat(due("2026-10-30T15:00", NEW_YORK, 24)).isEqualTo(local("2026-11-02T15:00", NEW_YORK));
        // and in calendar hours the same window is 24 hours of real time across the change
        Instant fridayParis = local("2026-10-24T12:00", PARIS);
        assertThat(DecisionDeadlinePolicy.dueAt(fridayParis, Duration.ofHours(24)))
                .isEqualTo(local("2026-10-25T11:00", PARIS));
    }
}
