package org.dealreg.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.dealreg.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

@IntegrationTest
class ConfigSecretsTest {

    @Autowired Environment environment;

    @Test
    void aSettingWrittenAsEncIsDecryptedWithTheMasterPasswordFromOutside() {
        assertThat(environment.getProperty("dealreg.test.config-secret")).isEqualTo("decrypted from ENC");
    }
}
