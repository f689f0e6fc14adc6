package org.dealreg.demo.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedDatabaseEnvironmentTest {

    private final EmbeddedDatabaseEnvironment processor = new EmbeddedDatabaseEnvironment(supplier -> supplier.get());

    @Test
    void aPackagedPortalWithoutDatabaseSettingsRefusesToStartInsteadOfBecomingADemo() {
        MockEnvironment environment = new MockEnvironment();
        assertThatThrownBy(() -> processor.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("SPRING_DATASOURCE_URL").hasMessageContaining("./mvnw spring-boot:run");
        assertThat(environment.getActiveProfiles()).doesNotContain("demo");
    }

    @Test
    void aConfiguredDatabaseIsUsedAsItIsWithoutDemoMode() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/dealreg")
                .withProperty("dealreg.embedded.enabled", "true");
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example:5432/dealreg");
        assertThat(environment.getActiveProfiles()).doesNotContain("demo");
        assertThat(environment.getProperty("dealreg.crypto.generate-demo-key")).isNull();
    }

    /** bench/requests.sh counts statements per request with pg_stat_statements, which must be preloaded. */
    @Test
    @SuppressWarnings("unchecked")
    void aBenchmarkCanAskTheEmbeddedServerToKeepStatementStatistics() {
        Path home = Path.of(System.getProperty("project.build.directory", "target"), "stats-run-" + UUID.randomUUID());
        MockEnvironment environment = new MockEnvironment()
                .withProperty("dealreg.embedded.enabled", "true")
                .withProperty("dealreg.embedded.home", home.toString())
                .withProperty("dealreg.embedded.statement-statistics", "true");
        SpringApplication application = new SpringApplication();
        Set<ApplicationListener<?>> before = Set.copyOf(application.getListeners());
        processor.postProcessEnvironment(environment, application);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
                    environment.getProperty("spring.datasource.url"), "postgres", ""));
            jdbc.execute("create extension if not exists pg_stat_statements");
            jdbc.queryForObject("select count(*) from pg_class", Long.class);
            assertThat(jdbc.queryForObject("select sum(calls) from pg_stat_statements where query like '%pg_class%'",
                    Long.class)).isPositive();
        } finally {
            GenericApplicationContext closed = new GenericApplicationContext();
            application.getListeners().stream().filter(listener -> !before.contains(listener)).forEach(listener ->
                    ((ApplicationListener<ApplicationEvent>) listener).onApplicationEvent(new ContextClosedEvent(closed)));
        }
    }
}
