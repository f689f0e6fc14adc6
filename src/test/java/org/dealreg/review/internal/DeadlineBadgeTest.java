package org.dealreg.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class DeadlineBadgeTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant DUE_IN_24H = SUBMITTED.plus(Duration.ofHours(24));
    private static final Instant REMIND_AT_18H = SUBMITTED.plus(Duration.ofHours(18));

    @Test
    void untilTheReminderPointItIsOnTime() {
        assertThat(DeadlineBadge.of(REMIND_AT_18H, DUE_IN_24H, SUBMITTED)).isEqualTo(DeadlineBadge.ON_TIME);
        assertThat(DeadlineBadge.of(REMIND_AT_18H, DUE_IN_24H, REMIND_AT_18H)).as("exactly 25 % left")
                .isEqualTo(DeadlineBadge.ON_TIME);
    }

    @Test
    void afterTheReminderPointItIsDueSoon() {
        assertThat(DeadlineBadge.of(REMIND_AT_18H, DUE_IN_24H, REMIND_AT_18H.plusSeconds(1)))
                .isEqualTo(DeadlineBadge.DUE_SOON);
        assertThat(DeadlineBadge.of(REMIND_AT_18H, DUE_IN_24H, DUE_IN_24H.minusSeconds(1))).isEqualTo(DeadlineBadge.DUE_SOON);
    }

    @Test
    void fromTheDueInstantOnItIsOverdue() {
        assertThat(DeadlineBadge.of(REMIND_AT_18H, DUE_IN_24H, DUE_IN_24H)).isEqualTo(DeadlineBadge.OVERDUE);
        assertThat(DeadlineBadge.of(REMIND_AT_18H, DUE_IN_24H, DUE_IN_24H.plus(Duration.ofDays(3))))
                .isEqualTo(DeadlineBadge.OVERDUE);
    }

    @Test
    void withBusinessHoursAWeekendDoesNotBringTheReminderCloser() {
        // submitted Friday 15:00 New York: 24 business hours end Monday 15:00, 18 business hours Monday 09:00
        Instant mondayNine = Instant.parse("2026-12-07T14:00:00Z");
        Instant mondayThree = Instant.parse("2026-12-07T20:00:00Z");
        Instant sundayNight = Instant.parse("2026-12-07T02:00:00Z");
        assertThat(DeadlineBadge.of(mondayNine, mondayThree, sundayNight)).isEqualTo(DeadlineBadge.ON_TIME);
        assertThat(DeadlineBadge.of(mondayNine, mondayThree, mondayNine.plusSeconds(60))).isEqualTo(DeadlineBadge.DUE_SOON);
    }
}
