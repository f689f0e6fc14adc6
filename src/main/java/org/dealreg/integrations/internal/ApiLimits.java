package org.dealreg.integrations.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.dealreg.shared.TokenBuckets;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's limits per client (docs/api.md): calls per minute, and lines of bulk calls per hour, both programme
 * settings. Token buckets (Bucket4j) kept in PostgreSQL so that every node counts against the same bucket; each node
 * takes up to {@link #UNSYNCED_CALLS} calls (or {@link #UNSYNCED_FOR}) from it before it writes them back, so a call
 * costs a fraction of a database round trip, and a client spread over n nodes may pass its limit by at most
 * n × {@value #UNSYNCED_CALLS} calls. A call over the limit is answered 429 with Retry-After, nothing done.
 */
@Component
class ApiLimits {

    static final long UNSYNCED_CALLS = 10;
    static final Duration UNSYNCED_FOR = Duration.ofSeconds(1);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> store;
    private final ProgramSettings settings;
    /** Each client's calls bucket on this node, with the limit it was made for (kept for its unsynced calls). */
    private final Map<String, CallBucket> calls = new ConcurrentHashMap<>();

    private record CallBucket(int perMinute, BucketProxy bucket) {
    }

    ApiLimits(DataSource dataSource, ProgramSettings settings, Clock clock) {
        this.settings = settings;
        this.store = TokenBuckets.inTable(dataSource, "api_bucket", clock);
    }

    /** Over a limit: nothing was done, and the client may try again after {@code retryAfter}. */
    static final class Exceeded extends RuntimeException {

        private final Duration retryAfter;

        Exceeded(Duration retryAfter) {
            super("API limit reached");
            this.retryAfter = retryAfter;
        }

        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    /** Counts one call of the client; @throws Exceeded over the calls-per-minute limit. */
    void call(String clientId) {
        int perMinute = settings.integer(Setting.API_REQUESTS_PER_MINUTE);
        // one entry per client: a changed limit replaces it (a bucket of its own, keyed by the limit)
        CallBucket kept = calls.compute(clientId, (id, known) -> known != null && known.perMinute() == perMinute ? known
                : new CallBucket(perMinute, store.builder()
                        .withOptimization(Optimizations.delaying(new DelayParameters(UNSYNCED_CALLS, UNSYNCED_FOR)))
                        .build("calls:" + id + ":" + perMinute, () -> BucketConfiguration.builder()
                                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                                .build())));
        refuseUnlessConsumed(kept.bucket().tryConsumeAndReturnRemaining(1));
    }

    /** Counts the lines of one bulk call, in the database at once; @throws Exceeded over the lines-per-hour limit. */
    void bulkLines(String clientId, long lines) {
        long perHour = settings.integer(Setting.API_BULK_LINES_PER_HOUR);
        BucketProxy bucket = store.getProxy("lines:" + clientId + ":" + perHour, () -> BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)))
                .build());
        refuseUnlessConsumed(bucket.tryConsumeAndReturnRemaining(lines));
    }

    private static void refuseUnlessConsumed(ConsumptionProbe probe) {
        if (!probe.isConsumed()) {
            throw new Exceeded(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Deletes the buckets that are full again; on one node at a time. */
    @Scheduled(fixedDelayString = "${dealreg.jobs.sign-in-clean-up-every:PT15M}", initialDelayString = "PT2M")
    @SchedulerLock(name = "api-bucket-clean-up", lockAtMostFor = "PT10M")
    void cleanUp() {
        TokenBuckets.removeExpired(store);
    }

    /** The filter of the API's chain, after authentication: every authenticated call counts. */
    OncePerRequestFilter filter(ApiRefusals refusals) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiCaller caller) {
                    try {
                        call(caller.clientId());
                    } catch (Exceeded exceeded) {
                        refusals.tooMany(request, response, exceeded);
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }
}
