package org.dealreg.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyLoaderTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void withoutAnyKeyStartUpFailsNamingTheSettings() {
        assertThatThrownBy(() -> KeyLoader.load(new CryptoProperties(null, null, null, null, false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DEALREG_CRYPTO_KEYS")
                .hasMessageContaining("DEALREG_CRYPTO_BLIND_INDEX_KEY");
    }

    @Test
    void keysFromTheEnvironmentTheLastListedIsActiveUnlessNamed() {
        KeyRing ring = KeyLoader.load(new CryptoProperties("old:" + KEY_A + ",new:" + KEY_B, null, KEY_B, null, false));
        assertThat(ring.activeKeyId()).isEqualTo("new");
        assertThat(ring.findKey("old")).isPresent();

        KeyRing named = KeyLoader.load(new CryptoProperties("old:" + KEY_A + ",new:" + KEY_B, "old", KEY_B, null, false));
        assertThat(named.activeKeyId()).isEqualTo("old");
    }

    @Test
    void aKeyOfTheWrongSizeOrWithoutBlindIndexKeyIsRefused() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> KeyLoader.load(new CryptoProperties("k:" + shortKey, null, KEY_B, null, false)))
                .hasMessageContaining("must be 32 bytes");
        assertThatThrownBy(() -> KeyLoader.load(new CryptoProperties("k:" + KEY_A, null, "", null, false)))
                .hasMessageContaining("DEALREG_CRYPTO_BLIND_INDEX_KEY");
    }

    @Test
    void theDemoModeGeneratesAKeyFileOnceAndReusesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/demo-keys.properties");
        KeyRing first = KeyLoader.load(new CryptoProperties(null, null, null, file.toString(), true));
        String written = Files.readString(file);
        KeyRing second = KeyLoader.load(new CryptoProperties(null, null, null, file.toString(), true));

        assertThat(written).contains("keys=demo1\\:").contains("blind-index-key=");
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
        assertThat(second.key("demo1")).isEqualTo(first.key("demo1"));
    }

    @Test
    void aMissingKeyFileOutsideTheDemoIsAnError(@TempDir Path dir) {
        Path file = dir.resolve("absent.properties");
        assertThatThrownBy(() -> KeyLoader.load(new CryptoProperties(null, null, null, file.toString(), false)))
                .hasMessageContaining("does not exist");
    }
}
