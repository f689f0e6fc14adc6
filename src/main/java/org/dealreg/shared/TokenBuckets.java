package org.dealreg.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * The portal's one way to keep token buckets (Bucket4j) where every node counts the same: a PostgreSQL table of its
 * module's with Bucket4j's columns ({@code id}, {@code state}, {@code expires_at}), one row per bucket locked with
 * {@code select … for update}, on the portal's clock. A row may go once its bucket is full again and a minute more
 * ({@code removeExpired}).
 */
public final class TokenBuckets {

    private TokenBuckets() {
    }

    public static PostgreSQLSelectForUpdateBasedProxyManager<String> inTable(DataSource dataSource, String table,
            Clock clock) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(table)
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .clientClock(timeMeter(clock))
                .build();
    }

    /** Rows a clean-up deletes per statement. */
    private static final int CLEAN_UP_BATCH = 1000;

    /** Deletes every bucket that is full again, a thousand rows a statement (a job of the module's, on one node). */
    public static void removeExpired(PostgreSQLSelectForUpdateBasedProxyManager<String> store) {
        int removed;
        do {
            removed = store.removeExpired(CLEAN_UP_BATCH);
        } while (removed >= CLEAN_UP_BATCH);
    }

    /** Bucket4j's clock is the portal's one clock. */
    private static TimeMeter timeMeter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
