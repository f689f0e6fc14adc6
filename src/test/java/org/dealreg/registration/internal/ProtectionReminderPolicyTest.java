package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class ProtectionReminderPolicyTest {

    private static final Instant END = Instant.parse("2027-03-01T15:00:00Z");

    private static OptionalInt at(Duration beforeEnd, Integer lastSent) {
        return ProtectionReminderPolicy.dueStep(END, END.minus(beforeEnd), lastSent);
    }

    @Test
    void nothingIsDueMoreThanFourteenDaysBefore() {
        assertThat(at(Duration.ofDays(14).plusSeconds(1), null)).isEmpty();
    }

    @Test
    void eachStepIsDueFromItsDay() {
        assertThat(at(Duration.ofDays(14), null)).hasValue(14);
        assertThat(at(Duration.ofDays(7), 14)).hasValue(7);
        assertThat(at(Duration.ofDays(1), 7)).hasValue(1);
    }

    @Test
    void aStepAlreadySentIsNotSentAgain() {
        assertThat(at(Duration.ofDays(10), 14)).isEmpty();
        assertThat(at(Duration.ofHours(5), 1)).isEmpty();
    }

    @Test
    void aLateRunSendsOnlyTheMostUrgentStep() {
        assertThat(at(Duration.ofDays(3), null)).hasValue(7);
        assertThat(at(Duration.ofHours(2), null)).hasValue(1);
    }

    @Test
    void nothingIsDueOnceProtectionHasEnded() {
        assertThat(ProtectionReminderPolicy.dueStep(END, END, null)).isEmpty();
        assertThat(ProtectionReminderPolicy.dueStep(END, END.plusSeconds(1), 7)).isEmpty();
    }
}
