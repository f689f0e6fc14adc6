package org.dealreg.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;

import org.dealreg.crypto.internal.KeyRing;

/**
 * Keyed HMAC-SHA256 of an already normalised value, so that equal values can be found without
 * storing them in clear. The purpose is mixed in, so a domain never equals a name.
 */
public class BlindIndex {

    private final KeyRing keys;

    public BlindIndex(KeyRing keys) {
        this.keys = keys;
    }

    public String of(String purpose, String normalisedValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.blindIndexKey());
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
