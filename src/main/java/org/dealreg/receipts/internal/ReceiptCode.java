package org.dealreg.receipts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

import org.dealreg.crypto.BlindIndex;

/**
 * What a receipt states, as one line of text the portal vouches for: the receipt number, when it was submitted, the
 * audit chain's hash of the submission and the customer as the partner typed it, in a canonical text, then a keyed
 * HMAC-SHA256 of that text (the portal's blind-index key, with a purpose of its own). Nobody without the key can
 * make a code the portal accepts, and any changed character makes the HMAC wrong (docs/receipts.md).
 * <p>
 * The code reads {@code <base64url of the canonical text>.<HMAC in hex>}; blanks and line breaks in a pasted code
 * do not count.
 */
record ReceiptCode(String number, Instant submittedAt, String chainHash, String customerName) {

    static final String VERSION = "dealreg-receipt-1";

    private String canonical() {
        return String.join("\n", VERSION, number, submittedAt.toString(), chainHash, customerName);
    }

    /** The code, vouched for by the portal's key. */
    String text(BlindIndex hmac) {
        String canonical = canonical();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(canonical.getBytes(StandardCharsets.UTF_8)) + "."
                + hmac.of(VERSION, canonical);
    }

    /** The receipt a code states, when the portal made that code; empty for anything else. */
    static Optional<ReceiptCode> read(String typed, BlindIndex hmac) {
        String code = typed == null ? "" : typed.replaceAll("\\s+", "");
        int dot = code.lastIndexOf('.');
        if (dot < 1 || code.length() > 4000) {
            return Optional.empty();
        }
        String encoded = code.substring(0, dot);
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        // the decoder ignores the unused bits of the last character: a code is read only as the portal writes it
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(encoded)) {
            return Optional.empty();
        }
        String canonical = new String(bytes, StandardCharsets.UTF_8);
        byte[] expected = hmac.of(VERSION, canonical).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, code.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] fields = canonical.split("\n", 5);
        if (fields.length != 5 || !VERSION.equals(fields[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ReceiptCode(fields[1], Instant.parse(fields[2]), fields[3], fields[4]));
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }
}
