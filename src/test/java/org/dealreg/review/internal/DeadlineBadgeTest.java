package org.dealreg.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class DeadlineBadgeTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant DUE_IN_24H = SUBMITTED.plus(Duration.ofHours(24));

    @Test
    void withMoreThanAQuarterOfTheWindowLeftItIsOnTime() {
        assertThat(DeadlineBadge.of(SUBMITTED, DUE_IN_24H, SUBMITTED)).isEqualTo(DeadlineBadge.ON_TIME);
        assertThat(DeadlineBadge.of(SUBMITTED, DUE_IN_24H, DUE_IN_24H.minus(Duration.ofHours(6))))
                .as("exactly 25 % left").isEqualTo(DeadlineBadge.ON_TIME);
    }

    @Test
    void withLessThanAQuarterLeftItIsDueSoon() {
        assertThat(DeadlineBadge.of(SUBMITTED, DUE_IN_24H, DUE_IN_24H.minus(Duration.ofHours(6)).plusSeconds(1)))
                .isEqualTo(DeadlineBadge.DUE_SOON);
        assertThat(DeadlineBadge.of(SUBMITTED, DUE_IN_24H, DUE_IN_24H.minusSeconds(1))).isEqualTo(DeadlineBadge.DUE_SOON);
    }

    @Test
    void fromTheDueInstantOnItIsOverdue() {
        assertThat(DeadlineBadge.of(SUBMITTED, DUE_IN_24H, DUE_IN_24H)).isEqualTo(DeadlineBadge.OVERDUE);
        assertThat(DeadlineBadge.of(SUBMITTED, DUE_IN_24H, DUE_IN_24H.plus(Duration.ofDays(3))))
                .isEqualTo(DeadlineBadge.OVERDUE);
    }

    @Test
    void aFortyEightHourWindowIsDueSoonInItsLastTwelveHours() {
        Instant due = SUBMITTED.plus(Duration.ofHours(48));
        assertThat(DeadlineBadge.of(SUBMITTED, due, due.minus(Duration.ofHours(13)))).isEqualTo(DeadlineBadge.ON_TIME);
        assertThat(DeadlineBadge.of(SUBMITTED, due, due.minus(Duration.ofHours(11)))).isEqualTo(DeadlineBadge.DUE_SOON);
    }
}
