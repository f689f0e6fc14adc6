package org.dealreg.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

import org.dealreg.identity.internal.LoginThrottlePolicy.Go;
import org.dealreg.identity.internal.LoginThrottlePolicy.Verdict;
import org.dealreg.identity.internal.LoginThrottlePolicy.Wait;
import org.junit.jupiter.api.Test;

/**
 * The sign-in throttle's rule, on in-memory buckets and a clock the test moves (nothing here waits). The portal keeps
 * the same buckets in PostgreSQL; SignInTest drives that over HTTP.
 */
class LoginThrottlePolicyTest {

    private final ManualClock clock = new ManualClock();
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final LoginThrottlePolicy policy = new LoginThrottlePolicy((key, configuration) -> buckets.computeIfAbsent(key,
            k -> {
                LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(clock);
                for (Bandwidth limit : configuration.getBandwidths()) {
                    builder.addLimit(limit);
                }
                return builder.build();
            }));

    @Test
    void wrongPasswordsForOneAccountFromOneAddressWaitLongerAndLonger() {
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 24; attempt++) {
            waits.add(waitThenGo("alice", "198.51.100.1", true));
        }
        assertThat(waits.subList(0, 5)).as("five at once").containsOnly(Duration.ZERO);
        assertThat(waits.subList(5, 10)).as("then one every 12 s").containsOnly(Duration.ofSeconds(12));
        assertThat(waits.get(10)).as("after ten in the hour").isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
        assertThat(waits.subList(11, 20)).as("one every 6 min").allSatisfy(wait -> assertThat(wait)
                .isBetween(Duration.ofMinutes(6).minusSeconds(1), Duration.ofMinutes(6).plusSeconds(1)));
        assertThat(waits.subList(21, 24)).as("after twenty in the day, one every 72 min").allSatisfy(wait -> assertThat(wait)
                .isBetween(Duration.ofMinutes(72).minusSeconds(1), Duration.ofMinutes(72).plusSeconds(1)));
    }

    @Test
    void aRightPasswordForgetsTheFailuresOfThatAccountFromThatAddress() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            policy.signIn("alice", "198.51.100.1", false);
        }
        policy.succeeded((Go) policy.signIn("alice", "198.51.100.1", false));
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(policy.signIn("alice", "198.51.100.1", true)).as("attempt " + attempt).isInstanceOf(Go.class);
        }
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedDownAndOtherAddressesAreNot() {
        for (int account = 1; account <= 10; account++) {
            assertThat(policy.signIn("account-" + account, "198.51.100.7", false)).isInstanceOf(Go.class);
        }
        assertThat(waitOf(policy.signIn("account-11", "198.51.100.7", false))).isEqualTo(Duration.ofSeconds(6));
        assertThat(policy.signIn("account-11", "198.51.100.8", false)).as("another address").isInstanceOf(Go.class);

        List<Duration> waits = new ArrayList<>();
        for (int account = 11; account <= 40; account++) {
            waits.add(waitThenGo("account-" + account, "198.51.100.7", false));
        }
        assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(6));
        assertThat(waits.get(waits.size() - 1)).as("after thirty in the hour, one every 2 min")
                .isBetween(Duration.ofMinutes(2).minusSeconds(1), Duration.ofMinutes(2).plusSeconds(1));
    }

    @Test
    void strangersGuessingFromManyAddressesCannotKeepTheOwnerOutOfAnAddressTheyUse() {
        for (int address = 1; address <= 10; address++) {
            assertThat(policy.signIn("manager", "203.0.113." + address, false)).isInstanceOf(Go.class);
        }
        Wait newcomer = (Wait) policy.signIn("manager", "203.0.113.99", false);
        assertThat(newcomer.duration()).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(6));
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(policy.signIn("manager", "192.0.2.10", true)).as("the owner's office, attempt " + attempt)
                    .isInstanceOf(Go.class);
        }
    }

    @Test
    void aRefusedAttemptTakesNothingFromTheOtherLimits() {
        for (int address = 1; address <= 10; address++) {
            policy.signIn("manager", "203.0.113." + address, false);
        }
        for (int refused = 1; refused <= 20; refused++) {
            assertThat(policy.signIn("manager", "198.51.100.50", false)).isInstanceOf(Wait.class);
        }
        for (int account = 1; account <= 5; account++) {
            assertThat(policy.signIn("colleague-" + account, "198.51.100.50", false)).isInstanceOf(Go.class);
        }
    }

    @Test
    void aPasswordResetLetsTheOwnerStraightBackInFromTheirAddress() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            policy.signIn("alice", "198.51.100.1", false);
        }
        assertThat(policy.signIn("alice", "198.51.100.1", false)).isInstanceOf(Wait.class);
        policy.passwordReset("alice", "198.51.100.1");
        assertThat(policy.signIn("alice", "198.51.100.1", true)).isInstanceOf(Go.class);
    }

    @Test
    void resetLinksAreLimitedPerAccountAndPerAddress() {
        for (int request = 1; request <= 3; request++) {
            assertThat(policy.resetRequest("alice", "198.51.100." + request)).isNull();
        }
        assertThat(policy.resetRequest("alice", "198.51.100.4").duration()).isEqualTo(Duration.ofMinutes(20));
        for (int request = 1; request <= 4; request++) {
            assertThat(policy.resetRequest("someone-" + request, "198.51.100.9")).isNull();
        }
        assertThat(policy.resetRequest("someone-5", "198.51.100.9")).isNull();
        assertThat(policy.resetRequest("someone-6", "198.51.100.9").duration()).isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void aWaitIsShownInWholeSecondsRoundedUp() {
        assertThat(new Wait(Duration.ofMillis(11_200)).seconds()).isEqualTo(12);
        assertThat(new Wait(Duration.ofMillis(1)).seconds()).isEqualTo(1);
        assertThat(new Wait(Duration.ZERO).seconds()).isEqualTo(1);
    }

    /** Waits as long as the throttle says (on the test's clock), then makes the attempt; answers the wait. */
    private Duration waitThenGo(String account, String address, boolean knownAddress) {
        Verdict verdict = policy.signIn(account, address, knownAddress);
        if (verdict instanceof Go) {
            return Duration.ZERO;
        }
        Duration wait = ((Wait) verdict).duration();
        clock.advance(wait);
        assertThat(policy.signIn(account, address, knownAddress)).as("after waiting " + wait).isInstanceOf(Go.class);
        return wait;
    }

    private static Duration waitOf(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Wait.class);
        return ((Wait) verdict).duration();
    }

    private static final class ManualClock implements TimeMeter {

        private long nanos = 1_000_000_000_000L;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
