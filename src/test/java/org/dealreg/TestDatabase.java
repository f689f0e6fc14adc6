package org.dealreg;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Chooses the PostgreSQL the tests run on, once per test run. With SPRING_DATASOURCE_URL, a fresh
 * database is created on that server for the run and dropped after it, so tests never write into a
 * database someone uses. Else a Testcontainers PostgreSQL 15 where a Docker engine answers. Else
 * nothing here: the application's embedded demo mode starts its own PostgreSQL under target/.
 */
public class TestDatabase implements LauncherSessionListener {

    private PostgreSQLContainer container;
    private String serverUrl;
    private String freshDatabase;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (isSet(System.getProperty("spring.datasource.url"))) {
            return;
        }
        if (isSet(url)) {
            useFreshDatabaseOn(url);
        } else if (DockerClientFactory.instance().isDockerAvailable()) {
            container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            System.setProperty("spring.datasource.url", container.getJdbcUrl());
            System.setProperty("spring.datasource.username", container.getUsername());
            System.setProperty("spring.datasource.password", container.getPassword());
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (container != null) {
            container.stop();
        }
        if (freshDatabase != null) {
            execute("drop database if exists " + freshDatabase + " with (force)");
        }
    }

    private void useFreshDatabaseOn(String url) {
        serverUrl = url;
        freshDatabase = "dealreg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("create database " + freshDatabase);
        System.setProperty("spring.datasource.url", withDatabase(url, freshDatabase));
    }

    /** jdbc:postgresql://host:port/name?params with another name. */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//") + 2;
        int query = url.indexOf('?', hostStart);
        String params = query >= 0 ? url.substring(query) : "";
        String withoutParams = query >= 0 ? url.substring(0, query) : url;
        int slash = withoutParams.indexOf('/', hostStart);
        String server = slash >= 0 ? withoutParams.substring(0, slash) : withoutParams;
        return server + "/" + database + params;
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl, System.getenv("SPRING_DATASOURCE_USERNAME"),
                System.getenv("SPRING_DATASOURCE_PASSWORD"));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + serverUrl
                    + ": the tests need a PostgreSQL role that may create databases", e);
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
