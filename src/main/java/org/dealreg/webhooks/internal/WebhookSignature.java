package org.dealreg.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing as the Standard Webhooks specification says: a secret is {@code whsec_} and the base64 of 32 random bytes;
 * a signature is {@code v1,} and the base64 of HMAC-SHA256, keyed with those bytes, of
 * {@code <webhook-id>.<webhook-timestamp>.<body>}. Several secrets (during a rotation's grace period) give several
 * signatures separated by a space; a receiver accepts the message when one of them matches.
 */
final class WebhookSignature {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header: one {@code v1,…} per secret, newest first. */
    static String header(String messageId, long timestamp, String body, List<String> secrets) {
        return secrets.stream().map(secret -> "v1," + sign(secret, messageId, timestamp, body))
                .collect(Collectors.joining(" "));
    }

    static String sign(String secret, String messageId, long timestamp, String body) {
        byte[] key = Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
