package org.dealreg.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.dealreg.DealregApplication;
import org.dealreg.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;

@IntegrationTest
class StartupWithoutKeysTest {

    @Autowired Environment environment;

    @Test
    void outsideTheDemoModeThePortalRefusesToStartWithoutKeysAndSaysWhichSettingIsMissing() {
        Throwable failure = catchThrowable(() -> SpringApplication.run(DealregApplication.class,
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--server.port=0", "--dealreg.crypto.key-file=", "--dealreg.crypto.generate-demo-key=false"));

        assertThat(failure).isNotNull();
        assertThat(NestedExceptionUtils.getMostSpecificCause(failure).getMessage())
                .contains("No encryption keys are configured").contains("DEALREG_CRYPTO_KEYS");
    }
}
