package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

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
}
