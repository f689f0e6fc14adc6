package org.dealreg.receipts.internal;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.dealreg.shared.TokenBuckets;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The public check page answers {@value #CHECKS} checks per client address every ten minutes, counted the same on
 * every node (Bucket4j in {@code receipt_check_bucket}): enough for anyone holding receipts, too few to try codes.
 */
@Component
class ReceiptCheckLimit {

    static final int CHECKS = 30;
    private static final BucketConfiguration PER_ADDRESS = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(CHECKS).refillGreedy(CHECKS, Duration.ofMinutes(10)))
            .build();

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> store;

    ReceiptCheckLimit(DataSource dataSource, Clock clock) {
        this.store = TokenBuckets.inTable(dataSource, "receipt_check_bucket", clock);
    }

    /** Takes one check from the address's bucket; false when it is empty. */
    boolean allows(String remoteAddress) {
        return store.getProxy("check:" + remoteAddress, () -> PER_ADDRESS).tryConsume(1);
    }

    /** Deletes the buckets that are full again, on one node at a time. */
    @Scheduled(fixedDelayString = "${dealreg.jobs.receipt-check-clean-up-every:PT15M}", initialDelayString = "PT2M")
    @SchedulerLock(name = "receipt-check-clean-up", lockAtMostFor = "PT10M")
    void cleanUp() {
        TokenBuckets.removeExpired(store);
    }
}
