package org.dealreg.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    private static final Instant FIRST = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void aFailedDeliveryIsRetriedLaterAndLaterAtMostAnHourApart() {
        assertThat(DeliveryPolicy.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(DeliveryPolicy.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(DeliveryPolicy.backoff(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(DeliveryPolicy.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(DeliveryPolicy.backoff(40)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void retriesStopTwentyFourHoursAfterTheFirstAttemptWithALastOneAtThatTime() {
        assertThat(DeliveryPolicy.retryAt(FIRST, 1, FIRST)).contains(FIRST.plusSeconds(30));
        Instant lateInTheDay = FIRST.plus(Duration.ofHours(23).plusMinutes(50));
        assertThat(DeliveryPolicy.retryAt(FIRST, 20, lateInTheDay)).contains(FIRST.plus(Duration.ofHours(24)));
        assertThat(DeliveryPolicy.retryAt(FIRST, 21, FIRST.plus(Duration.ofHours(24)))).isEmpty();
    }

    @Test
    void aSubscriptionFailingForTwentyFourHoursIsPaused() {
        assertThat(DeliveryPolicy.pause(null, FIRST)).isFalse();
        assertThat(DeliveryPolicy.pause(FIRST, FIRST.plus(Duration.ofHours(23)))).isFalse();
        assertThat(DeliveryPolicy.pause(FIRST, FIRST.plus(Duration.ofHours(24)))).isTrue();
    }
}
