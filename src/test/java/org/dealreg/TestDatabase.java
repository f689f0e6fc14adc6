package org.dealreg;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Chooses the PostgreSQL the tests run on, once per test run: the one SPRING_DATASOURCE_URL names;
 * else a Testcontainers PostgreSQL 15 where a Docker engine answers; else nothing here, and the
 * application's embedded demo mode starts its own under target/.
 */
public class TestDatabase implements LauncherSessionListener {

    private PostgreSQLContainer container;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (isSet(System.getenv("SPRING_DATASOURCE_URL")) || isSet(System.getProperty("spring.datasource.url"))) {
            return;
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return;
        }
        container = new PostgreSQLContainer("postgres:15-alpine");
        container.start();
        System.setProperty("spring.datasource.url", container.getJdbcUrl());
        System.setProperty("spring.datasource.username", container.getUsername());
        System.setProperty("spring.datasource.password", container.getPassword());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (container != null) {
            container.stop();
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
