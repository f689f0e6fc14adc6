package org.dealreg.web.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database's part of {@code /actuator/health} (in place of Boot's, hence the name), answered within two
 * seconds whatever the database does: a stopped server fails within the pool's wait, but a network that silently
 * drops packets could hold a check for minutes. One check runs at a time; while it waits, the answer is DOWN.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator, DisposableBean {

    private static final Duration WAIT = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final ThreadPoolExecutor checker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>(),
            runnable -> {
                Thread thread = new Thread(runnable, "database-health");
                thread.setDaemon(true);
                return thread;
            });

    DatabaseHealthIndicator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        Future<Health> check;
        try {
            check = checker.submit(this::check);
        } catch (RejectedExecutionException busy) {
            return Health.down().withDetail("reason", "the previous check is still waiting for the database").build();
        }
        try {
            return check.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            return Health.down().withDetail("reason", "no answer within " + WAIT.toSeconds() + " s").build();
        } catch (ExecutionException failed) {
            return Health.down(failed.getCause() instanceof Exception e ? e : failed).build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("reason", "interrupted").build();
        }
    }

    private Health check() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Health.Builder health = connection.isValid((int) WAIT.toSeconds()) ? Health.up() : Health.down();
            return health.withDetail("database", connection.getMetaData().getDatabaseProductName()).build();
        }
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }
}
