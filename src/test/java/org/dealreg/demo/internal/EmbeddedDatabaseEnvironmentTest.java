package org.dealreg.demo.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
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
}
