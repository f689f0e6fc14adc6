package org.dealreg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class FewKeptTest {

    @Test
    void keepsTheFirstFewKeysAndStillAnswersEveryOtherWithoutKeepingIt() {
        AtomicInteger worked = new AtomicInteger();
        FewKept<String, String> kept = new FewKept<>(2, key -> {
            worked.incrementAndGet();
            return key.toUpperCase();
        });

        for (int i = 0; i < 10; i++) {
            assertThat(kept.get("en")).isEqualTo("EN");
            assertThat(kept.get("fr")).isEqualTo("FR");
        }
        assertThat(worked).as("the two kept keys worked out once each").hasValue(2);

        for (int i = 0; i < 10; i++) {
            assertThat(kept.get("x" + i)).isEqualTo("X" + i);
        }
        assertThat(kept.get("x0")).isEqualTo("X0");
        assertThat(worked).as("keys past the few are worked out each time they are asked for").hasValue(13);
    }
}
