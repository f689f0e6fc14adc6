package org.dealreg.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the {@link KeyRing} from the environment, a secret file, or (demo mode only) a generated file. */
final class KeyLoader {

    private static final Logger log = LoggerFactory.getLogger(KeyLoader.class);
    static final String MISSING = "No encryption keys are configured. Set DEALREG_CRYPTO_KEYS (\"id:base64-of-32-bytes\") and "
            + "DEALREG_CRYPTO_BLIND_INDEX_KEY (base64 of 32 bytes), or DEALREG_CRYPTO_KEY_FILE naming a file that holds "
            + "keys=, active-key= and blind-index-key=. Only the embedded demo mode generates a local key.";

    private KeyLoader() {
    }

    static KeyRing load(CryptoProperties props) {
        if (hasText(props.keys())) {
            return parse(props.keys(), props.activeKey(), props.blindIndexKey(), "DEALREG_CRYPTO_KEYS");
        }
        if (hasText(props.keyFile())) {
            Path file = Path.of(props.keyFile());
            if (!Files.exists(file) && props.generateDemoKey()) {
                generate(file);
            }
            if (Files.exists(file)) {
                return fromFile(file);
            }
            throw new IllegalStateException("The key file " + file.toAbsolutePath() + " (DEALREG_CRYPTO_KEY_FILE) does not exist. " + MISSING);
        }
        throw new IllegalStateException(MISSING);
    }

    private static KeyRing fromFile(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the key file " + file.toAbsolutePath(), e);
        }
        return parse(p.getProperty("keys"), p.getProperty("active-key"), p.getProperty("blind-index-key"),
                "key file " + file.toAbsolutePath());
    }

    static KeyRing parse(String keys, String activeKey, String blindIndexKey, String source) {
        Map<String, SecretKey> dataKeys = new LinkedHashMap<>();
        String last = null;
        for (String entry : keys.split(",")) {
            String[] idAndKey = entry.trim().split(":", 2);
            if (idAndKey.length != 2 || !idAndKey[0].matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalStateException("Malformed key entry in " + source + ": expected id:base64");
            }
            dataKeys.put(idAndKey[0], aesKey(idAndKey[1], source + " key '" + idAndKey[0] + "'"));
            last = idAndKey[0];
        }
        if (!hasText(blindIndexKey)) {
            throw new IllegalStateException("No blind-index key in " + source + ": set DEALREG_CRYPTO_BLIND_INDEX_KEY. " + MISSING);
        }
        String active = hasText(activeKey) ? activeKey.trim() : last;
        return new KeyRing(dataKeys, active, hmacKey(blindIndexKey, source + " blind-index key"));
    }

    private static SecretKey aesKey(String base64, String what) {
        return new SecretKeySpec(decode32(base64, what), "AES");
    }

    private static SecretKey hmacKey(String base64, String what) {
        return new SecretKeySpec(decode32(base64, what), "HmacSHA256");
    }

    private static byte[] decode32(String base64, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(what + " must be 32 bytes (256 bits), found " + bytes.length);
        }
        return bytes;
    }

    private static void generate(Path file) {
        SecureRandom random = new SecureRandom();
        Properties p = new Properties();
        p.setProperty("keys", "demo1:" + randomKey(random));
        p.setProperty("active-key", "demo1");
        p.setProperty("blind-index-key", randomKey(random));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "dealreg demo-mode keys, generated locally. Never use these outside the demo.");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the file stays readable by its owner as created
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the demo key file " + file.toAbsolutePath(), e);
        }
        log.warn("Generated a local demo encryption key in {} (demo mode only; production keys come from the environment)",
                file.toAbsolutePath());
    }

    private static String randomKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
