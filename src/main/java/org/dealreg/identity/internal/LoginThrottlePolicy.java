package org.dealreg.identity.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Sign-in and password-reset attempts slow down; no account is ever locked (docs/sign-in.md). Each attempt takes a
 * token from token buckets, before the password is checked, so parallel attempts cannot slip past a limit; a
 * successful sign-in gives its tokens back. A refused attempt answers how long to wait.
 * <ul>
 * <li><b>One e-mail from one network address</b>: 5 attempts at once, then one every 12 s; after 10 in an hour one
 * every 6 min; after 20 in a day one every 72 min. A successful sign-in or a password reset from that address starts
 * it afresh.</li>
 * <li><b>One network address, whatever the e-mails</b>: 10 at once, then one every 6 s; after 30 in an hour one every
 * 2 min; after 100 in a day one every 14.4 min. Only failures count: a success gives its token back.</li>
 * <li><b>One e-mail from addresses it has not signed in from</b> (in the last 90 days): 10 in an hour, then one every
 * 6 min; after 30 in a day one every 48 min. Attempts from an address the owner signed in from are never held back
 * by it, so strangers guessing from anywhere cannot keep the owner out.</li>
 * </ul>
 * A "forgot your password?" request takes a token from the requesting address (5 an hour) and from the e-mail (3 an
 * hour, so nobody can flood someone's inbox). The buckets live wherever {@link Buckets} keeps them: PostgreSQL in the
 * portal, memory in the unit tests.
 */
final class LoginThrottlePolicy {

    static final BucketConfiguration PER_ACCOUNT_AND_ADDRESS = BucketConfiguration.builder()
            .addLimit(l -> l.capacity(5).refillGreedy(5, Duration.ofMinutes(1)))
            .addLimit(l -> l.capacity(10).refillGreedy(10, Duration.ofHours(1)))
            .addLimit(l -> l.capacity(20).refillGreedy(20, Duration.ofDays(1)))
            .build();

    static final BucketConfiguration PER_ADDRESS = BucketConfiguration.builder()
            .addLimit(l -> l.capacity(10).refillGreedy(10, Duration.ofMinutes(1)))
            .addLimit(l -> l.capacity(30).refillGreedy(30, Duration.ofHours(1)))
            .addLimit(l -> l.capacity(100).refillGreedy(100, Duration.ofDays(1)))
            .build();

    static final BucketConfiguration PER_ACCOUNT_FROM_NEW_ADDRESSES = BucketConfiguration.builder()
            .addLimit(l -> l.capacity(10).refillGreedy(10, Duration.ofHours(1)))
            .addLimit(l -> l.capacity(30).refillGreedy(30, Duration.ofDays(1)))
            .build();

    static final BucketConfiguration RESET_PER_ADDRESS = BucketConfiguration.builder()
            .addLimit(l -> l.capacity(5).refillGreedy(5, Duration.ofHours(1)))
            .build();

    static final BucketConfiguration RESET_PER_ACCOUNT = BucketConfiguration.builder()
            .addLimit(l -> l.capacity(3).refillGreedy(3, Duration.ofHours(1)))
            .build();

    /** How long an address stays "one the owner signed in from". */
    static final Duration KNOWN_ADDRESS_FOR = Duration.ofDays(90);

    /** Where the buckets are kept; the same key always gets the same bucket. */
    interface Buckets {
        Bucket bucket(String key, BucketConfiguration configuration);
    }

    /** What an attempt may do: go on (with the buckets it took a token from) or wait. */
    sealed interface Verdict {
    }

    record Go(Bucket pair, Bucket address, Bucket account) implements Verdict {
    }

    record Wait(Duration duration) implements Verdict {

        /** Whole seconds, at least one, as the page shows them. */
        long seconds() {
            return Math.max(1, (duration.toMillis() + 999) / 1000);
        }
    }

    private final Buckets buckets;

    LoginThrottlePolicy(Buckets buckets) {
        this.buckets = buckets;
    }

    /**
     * A sign-in attempt for an account key (see {@link LoginKeys}) from an address key; {@code knownAddress} when the
     * account signed in from that address recently.
     */
    Verdict signIn(String account, String address, boolean knownAddress) {
        List<Bucket> buckets = new ArrayList<>(3);
        buckets.add(this.buckets.bucket("sign-in:pair:" + account + ":" + address, PER_ACCOUNT_AND_ADDRESS));
        buckets.add(this.buckets.bucket("sign-in:address:" + address, PER_ADDRESS));
        if (!knownAddress) {
            buckets.add(this.buckets.bucket("sign-in:account:" + account, PER_ACCOUNT_FROM_NEW_ADDRESSES));
        }
        Wait wait = takeFromEach(buckets);
        if (wait != null) {
            return wait;
        }
        return new Go(buckets.get(0), buckets.get(1), knownAddress ? null : buckets.get(2));
    }

    /** The password was right: the failures of this e-mail from this address are forgotten, the other tokens given back. */
    void succeeded(Go go) {
        go.pair().reset();
        go.address().addTokens(1);
        if (go.account() != null) {
            go.account().addTokens(1);
        }
    }

    /** The owner proved they read the account's mail: their address starts afresh for this e-mail. */
    void passwordReset(String account, String address) {
        buckets.bucket("sign-in:pair:" + account + ":" + address, PER_ACCOUNT_AND_ADDRESS).reset();
    }

    /** A "forgot your password?" request; null when it may go on. */
    Wait resetRequest(String account, String address) {
        return takeFromEach(List.of(buckets.bucket("reset:address:" + address, RESET_PER_ADDRESS),
                buckets.bucket("reset:account:" + account, RESET_PER_ACCOUNT)));
    }

    /** One token from each bucket in turn, or none at all and the wait of the first that refused. */
    private static Wait takeFromEach(List<Bucket> buckets) {
        List<Bucket> taken = new ArrayList<>(buckets.size());
        for (Bucket bucket : buckets) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                taken.forEach(b -> b.addTokens(1));
                return new Wait(Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
            taken.add(bucket);
        }
        return null;
    }
}
