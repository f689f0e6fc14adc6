package org.dealreg.program.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.dealreg.program.ProgrammeChange;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's snapshots (settings, regions, engaged accounts' names …) current when another node or a database
 * trigger changes them: one connection of its own (outside the pool) listens on {@link ProgrammeChanges#CHANNEL} in a
 * daemon thread and hands each announcement's topic (its payload) to the snapshots of that topic. When the
 * connection drops it reconnects with a growing pause and reloads every snapshot, since announcements sent meanwhile
 * are lost.
 */
@Component
class SettingsListener implements SmartLifecycle {

    static final String APPLICATION_NAME = "dealreg-settings-listener";
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);
    /** How long one wait for an announcement lasts, so that stopping the node takes no longer. */
    private static final Duration POLL = Duration.ofSeconds(1);
    /** How long to wait for an announcement before checking that the connection still answers. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);
    private static final Log log = LogFactory.getLog(SettingsListener.class);

    private final ProgrammeChanges changes;
    private final DataSource dataSource;
    private volatile boolean running;
    private volatile Thread thread;

    SettingsListener(ProgrammeChanges changes, DataSource dataSource) {
        this.changes = changes;
        this.dataSource = dataSource;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, APPLICATION_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    /** The thread ends within one {@link #POLL} and closes its connection itself. */
    @Override
    public void stop() {
        running = false;
        Thread listening = thread;
        if (listening != null) {
            listening.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Duration pause = FIRST_PAUSE;
        while (running) {
            try (Connection listening = open()) {
                try (Statement statement = listening.createStatement()) {
                    statement.execute("listen " + ProgrammeChanges.CHANNEL);
                }
                // after LISTEN, so that a change committed from now on is either in this load or announced
                changes.reloadAll();
                pause = FIRST_PAUSE;
                PGConnection postgres = listening.unwrap(PGConnection.class);
                long quietSince = System.nanoTime();
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications((int) POLL.toMillis());
                    if (notifications != null && notifications.length > 0) {
                        changes.catchUp(topics(notifications));
                        quietSince = System.nanoTime();
                    } else if (System.nanoTime() - quietSince > HEARTBEAT.toNanos()) {
                        try (Statement statement = listening.createStatement()) {
                            statement.execute("select 1");
                        }
                        quietSince = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Listening for programme setting changes failed; reconnecting in " + pause.toMillis()
                        + " ms: " + e.getMessage());
                if (!sleep(pause)) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** The topics announced; a notification without payload (from an older node) is the programme's. */
    private static Set<String> topics(PGNotification[] notifications) {
        Set<String> topics = new LinkedHashSet<>();
        for (PGNotification notification : notifications) {
            String payload = notification.getParameter();
            topics.add(payload == null || payload.isEmpty() ? ProgrammeChange.PROGRAMME : payload);
        }
        return topics;
    }

    /** A connection of its own, not the pool's: it is held for the node's lifetime. */
    private Connection open() throws SQLException {
        HikariDataSource pool = dataSource.isWrapperFor(HikariDataSource.class)
                ? dataSource.unwrap(HikariDataSource.class) : null;
        if (pool != null && pool.getJdbcUrl() != null) {
            Properties properties = new Properties();
            properties.putAll(pool.getDataSourceProperties());
            if (pool.getUsername() != null) {
                properties.setProperty("user", pool.getUsername());
            }
            if (pool.getPassword() != null) {
                properties.setProperty("password", pool.getPassword());
            }
            properties.setProperty("ApplicationName", APPLICATION_NAME);
            properties.setProperty("tcpKeepAlive", "true");
            return DriverManager.getConnection(pool.getJdbcUrl(), properties);
        }
        // a pool of another kind: one of its connections, held for good
        return dataSource.getConnection();
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
