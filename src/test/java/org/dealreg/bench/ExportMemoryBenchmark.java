package org.dealreg.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dealreg.IntegrationTest;
import org.dealreg.PortalClient;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exports of 200,000 rows in constant memory: loads a rep with {@code bench.rows} accounts (200,000) and one with a
 * tenth of them into the test run's fresh database, then downloads each rep's accounts export as CSV and as Excel over
 * HTTP (to a file, as a browser does), and reports for each: when its first bytes came, its time, file size, the
 * highest heap in use sampled every 10 ms, and, in a second download with a full collection every 100 ms, the highest
 * live heap (what the export keeps alive) beside the live heap before it. Constant memory means the big export's live heap is the small one's, not ten
 * times it. The first small downloads warm the code up and are not reported.
 *
 * <p>Not a test: surefire's default includes skip {@code *Benchmark}; run it with {@code bench/export-memory.sh},
 * which starts the JVM with a small heap. The report goes to {@code target/benchmarks/export-memory.txt}.
 */
@IntegrationTest
class ExportMemoryBenchmark {

    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void exportsOfManyRowsRunInConstantMemory() throws Exception {
        int rows = Integer.getInteger("bench.rows", 200_000);
        Path dir = Path.of("target/benchmarks");
        Files.createDirectories(dir);
        CurrentUser small = rep(rows / 10);
        CurrentUser big = rep(rows);
        List<String> report = new ArrayList<>();
        boolean warmedUp = false;
        report.add("JVM max heap %d MiB, %s".formatted(Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", "))));
        report.add("%-8s %-5s %10s %8s %8s %9s %15s %14s %15s".formatted("rows", "fmt", "first byte", "seconds",
                "MiB", "rows/s", "peak used MiB", "max live MiB", "idle live MiB"));
        for (CurrentUser rep : List.of(small, small, big)) {
            boolean warmUp = !warmedUp;
            long expected = jdbc.queryForObject("select count(*) from direct_account where owner_id = ?", Long.class,
                    rep.id());
            PortalClient browser = new PortalClient(port);
            assertThat(browser.signIn(rep.email(), TestUsers.PASSWORD)).endsWith("/");
            assertThat(browser.get("/accounts").body()).contains("Export %,d rows:".formatted(expected));
            for (String format : List.of("csv", "xlsx")) {
                Path file = dir.resolve("accounts-" + expected + "." + format);
                String path = "/accounts/export?format=" + format;
                // once timed, the heap sampled as it is; once more with a full collection every 100 ms, which shows
                // what the export keeps alive (the live heap), at the cost of its time
                AtomicLong firstByteAt = new AtomicLong();
                Measure.Result timed = Measure.during(false, () -> browser.download(path, toFile(file, firstByteAt)));
                long size = Files.size(file);
                if (format.equals("csv")) {
                    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                        assertThat(lines.count()).as("a header and every row").isEqualTo(expected + 1);
                    }
                }
                Measure.Result live = Measure.during(true, () -> browser.downloadTo(path, file));
                Files.delete(file);
                if (!warmUp) {
                    report.add("%-8d %-5s %10.2f %8.2f %8.1f %9.0f %15.1f %14.1f %15.1f".formatted(expected, format,
                            (firstByteAt.get() - timed.startedAt()) / 1e9, timed.nanos() / 1e9, size / 1048576.0, expected / (timed.nanos() / 1e9),
                            timed.peakUsed() / 1048576.0, live.peakUsed() / 1048576.0, live.before() / 1048576.0));
                }
            }
            warmedUp = true;
        }
        String text = String.join("\n", report) + "\n";
        System.out.print("\n== export memory benchmark\n" + text);
        Files.writeString(dir.resolve("export-memory.txt"), text);
    }

    /** Writes the body to {@code file} as it arrives, and notes when its first bytes came (after the headers). */
    private static HttpResponse.BodyHandler<Path> toFile(Path file, AtomicLong firstByteAt) {
        return info -> {
            HttpResponse.BodySubscriber<Path> inner = HttpResponse.BodySubscribers.ofFile(file);
            return new HttpResponse.BodySubscriber<>() {
                @Override
                public CompletionStage<Path> getBody() {
                    return inner.getBody();
                }

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    inner.onSubscribe(subscription);
                }

                @Override
                public void onNext(List<ByteBuffer> item) {
                    if (item.stream().anyMatch(ByteBuffer::hasRemaining)) {
                        firstByteAt.compareAndSet(0, System.nanoTime());
                    }
                    inner.onNext(item);
                }

                @Override
                public void onError(Throwable throwable) {
                    inner.onError(throwable);
                }

                @Override
                public void onComplete() {
                    inner.onComplete();
                }
            };
        };
    }

    /** A rep owning {@code count} accounts with a domain each, a tenth of them engaged, loaded in SQL. */
    private CurrentUser rep(int count) {
        CurrentUser rep = users.newUser(Role.SALES_REP, null);
        jdbc.update("""
                insert into direct_account (id, crm_id, name, normalised_name, country, owner_id)
                select gen_random_uuid(), 'BENCH-' || ? || '-' || g, 'Bench Account ' || lpad(g::text, 7, '0') || ' Société',
                       'bench account ' || lpad(g::text, 7, '0') || ' societe', case when g % 3 = 0 then 'FR' else 'US' end, ?
                from generate_series(1, ?) g""", rep.id().toString(), rep.id(), count);
        jdbc.update("""
                insert into direct_account_domain (domain, account_id)
                select 'bench-' || replace(a.id::text, '-', '') || '.example', a.id from direct_account a where a.owner_id = ?""",
                rep.id());
        jdbc.update("""
                insert into engagement (id, account_id, rep_id, started_on, last_activity_on)
                select gen_random_uuid(), a.id, a.owner_id, current_date - 30, current_date - 2
                from direct_account a where a.owner_id = ? and a.crm_id like '%0'""", rep.id());
        jdbc.execute("analyze direct_account");
        return rep;
    }

    /**
     * The heap while one download runs: its highest use sampled every 10 ms or, when {@code collecting}, its highest
     * use right after a full collection forced every 100 ms (the live heap); and the live heap before it started.
     */
    private static final class Measure {

        record Result(long startedAt, long nanos, long peakUsed, long before) {
        }

        interface Download {
            HttpResponse<Path> run();
        }

        static Result during(boolean collecting, Download download) throws Exception {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(before);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    try {
                        Thread.sleep(collecting ? 100 : 10);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (collecting) {
                        System.gc();
                    }
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            long started = System.nanoTime();
            sampler.start();
            HttpResponse<Path> response = download.run();
            long nanos = System.nanoTime() - started;
            running.set(false);
            sampler.join();
            assertThat(response.statusCode()).isEqualTo(200);
            return new Result(started, nanos, peak.get(), before);
        }
    }
}
