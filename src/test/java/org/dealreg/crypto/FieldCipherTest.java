package org.dealreg.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.dealreg.crypto.internal.KeyRing;
import org.jasypt.exceptions.EncryptionOperationNotPossibleException;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKey blind = key("HmacSHA256");
    private final SecretKey k1 = key("AES");
    private final SecretKey k2 = key("AES");

    @Test
    void sealsTextUnderTheActiveKeyAndOpensIt() {
        FieldCipher cipher = new FieldCipher(ring("k1", Map.of("k1", k1)));
        String sealed = cipher.encrypt("Globex Corporation — contrat réseau");

        assertThat(sealed).startsWith("v1:k1:").doesNotContain("Globex");
        assertThat(cipher.decrypt(sealed)).isEqualTo("Globex Corporation — contrat réseau");
    }

    @Test
    void theSameTextSealsDifferentlyEachTime() {
        FieldCipher cipher = new FieldCipher(ring("k1", Map.of("k1", k1)));
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void aFlippedByteFailsLoudly() {
        FieldCipher cipher = new FieldCipher(ring("k1", Map.of("k1", k1)));
        String sealed = cipher.encrypt("confidential");
        String prefix = "v1:k1:";
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(prefix.length()));
        bytes[bytes.length - 5] ^= 0x01;
        String tampered = prefix + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(tampered))
                .isInstanceOf(EncryptionOperationNotPossibleException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void aWrongKeyUnderTheSameIdFailsLoudly() {
        String sealed = new FieldCipher(ring("k1", Map.of("k1", k1))).encrypt("confidential");
        FieldCipher other = new FieldCipher(ring("k1", Map.of("k1", k2)));

        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(EncryptionOperationNotPossibleException.class);
    }

    @Test
    void anUnknownKeyIdOrARelabelledCiphertextFails() {
        FieldCipher cipher = new FieldCipher(ring("k1", Map.of("k1", k1, "k2", k2)));
        String sealed = cipher.encrypt("confidential");

        assertThatThrownBy(() -> cipher.decrypt(sealed.replace("v1:k1:", "v1:k9:")))
                .hasMessageContaining("Unknown encryption key id 'k9'");
        assertThatThrownBy(() -> cipher.decrypt(sealed.replace("v1:k1:", "v1:k2:")))
                .isInstanceOf(EncryptionOperationNotPossibleException.class);
        assertThatThrownBy(() -> cipher.decrypt("plain text")).hasMessageContaining("Not a dealreg ciphertext");
    }

    @Test
    void afterRotationOldCiphertextStillOpensAndNewTextUsesTheNewKey() {
        String old = new FieldCipher(ring("k1", Map.of("k1", k1))).encrypt("before rotation");
        Map<String, SecretKey> both = new LinkedHashMap<>();
        both.put("k1", k1);
        both.put("k2", k2);
        FieldCipher rotated = new FieldCipher(ring("k2", both));

        assertThat(rotated.decrypt(old)).isEqualTo("before rotation");
        assertThat(rotated.encrypt("after")).startsWith("v1:k2:");
    }

    @Test
    void nullStaysNull() {
        FieldCipher cipher = new FieldCipher(ring("k1", Map.of("k1", k1)));
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
    }

    @Test
    void blindIndexesAreEqualForEqualValuesAndDifferByPurposeAndKey() {
        BlindIndex index = new BlindIndex(ring("k1", Map.of("k1", k1)));
        BlindIndex otherKey = new BlindIndex(new KeyRing(Map.of("k1", k1), "k1", key("HmacSHA256")));

        assertThat(index.of("domain", "globex.example")).isEqualTo(index.of("domain", "globex.example")).hasSize(64);
        assertThat(index.of("domain", "globex.example")).isNotEqualTo(index.of("name", "globex.example"));
        assertThat(index.of("domain", "globex.example")).isNotEqualTo(otherKey.of("domain", "globex.example"));
    }

    private KeyRing ring(String active, Map<String, SecretKey> keys) {
        return new KeyRing(keys, active, blind);
    }

    private static SecretKey key(String algorithm) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new SecretKeySpec(bytes, algorithm);
    }
}
