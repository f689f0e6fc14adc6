package org.dealreg.integrations.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import org.dealreg.registration.ChangeMark;
import org.dealreg.shared.RulesBroken;

/** The API's list cursors: where a page by change stopped, opaque to the caller (base64url of time and id). */
final class Cursors {

    private Cursors() {
    }

    static String encode(ChangeMark mark) {
        return mark == null ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(
                (mark.changedAt() + "|" + mark.id()).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws RulesBroken on the {@code cursor} parameter when the API did not give it */
    static ChangeMark decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new ChangeMark(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw RulesBroken.on("cursor", "api.cursor.invalid");
        }
    }
}
