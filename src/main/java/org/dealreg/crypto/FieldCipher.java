package org.dealreg.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.dealreg.crypto.internal.KeyRing;
import org.jasypt.encryption.StringEncryptor;
import org.jasypt.exceptions.EncryptionOperationNotPossibleException;

/**
 * Encrypts partner-typed text with AES-256-GCM under the active key. A ciphertext reads
 * {@code v1:<key id>:<base64 of nonce and sealed bytes>}; the key id is authenticated too, so a
 * ciphertext moved to another key id, a flipped byte or a wrong key all fail loudly.
 * <p>
 * Written on the JCA rather than with the Jasypt starter's GCM encryptor because that one holds a
 * single key: rotation needs every ciphertext to name its key, and old keys to keep opening old rows
 * while new rows are sealed under the new one.
 */
public class FieldCipher implements StringEncryptor {

    private static final String PREFIX = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(KeyRing keys) {
        this.keys = keys;
    }

    @Override
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        String keyId = keys.activeKeyId();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.key(keyId), nonce, keyId);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + ":" + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new EncryptionOperationNotPossibleException("Encryption failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String decrypt(String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        String[] parts = ciphertext.split(":", 3);
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            throw new EncryptionOperationNotPossibleException("Not a dealreg ciphertext");
        }
        String keyId = parts[1];
        SecretKey key = keys.findKey(keyId).orElseThrow(
                () -> new EncryptionOperationNotPossibleException("Unknown encryption key id '" + keyId + "'"));
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new EncryptionOperationNotPossibleException("Ciphertext too short");
            }
            byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, keyId);
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new EncryptionOperationNotPossibleException(
                    "Ciphertext failed authentication (altered, or sealed under another key than '" + keyId + "')");
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new EncryptionOperationNotPossibleException("Decryption failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * One cipher object per thread, initialised again for every value with its own nonce: looking the provider up
     * and expanding the key anew for each field was a fifth of a list page's CPU. A GCM cipher is not thread-safe.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String keyId) throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
