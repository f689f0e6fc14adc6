package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetentionPeriodTest {

    @Test
    void aRegistrationIsDueWhenItEndedThatManyCalendarMonthsAgo() {
        assertThat(RetentionPeriod.of("12").endedOnOrBefore(Instant.parse("2027-03-10T08:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-10T08:00:00Z"));
        assertThat(RetentionPeriod.of(" 3 ").endedOnOrBefore(Instant.parse("2027-01-05T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-05T00:00:00Z"));
    }

    @Test
    void aDayTheEarlierMonthLacksCountsAsItsLastDaySoNothingIsErasedEarly() {
        assertThat(RetentionPeriod.of("1").endedOnOrBefore(Instant.parse("2027-03-31T12:00:00Z")))
                .isEqualTo(Instant.parse("2027-02-28T12:00:00Z"));
        // so with one month, a registration that ended on 31 March is due on 1 May, not on 30 April
        assertThat(RetentionPeriod.of("1").endedOnOrBefore(Instant.parse("2027-04-30T12:00:00Z")))
                .isEqualTo(Instant.parse("2027-03-30T12:00:00Z"));
        assertThat(RetentionPeriod.of("1").endedOnOrBefore(Instant.parse("2027-05-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2027-04-01T00:00:00Z"));
        assertThat(RetentionPeriod.of("12").endedOnOrBefore(Instant.parse("2029-02-28T00:00:00Z")))
                .isEqualTo(Instant.parse("2028-02-28T00:00:00Z"));
    }

    @Test
    void anythingButAWholeNumberOfMonthsFromOneUpIsRefused() {
        for (String unusable : new String[] {"0", "-3", "1.5", "twelve", ""}) {
            assertThatThrownBy(() -> RetentionPeriod.of(unusable)).as(unusable)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
