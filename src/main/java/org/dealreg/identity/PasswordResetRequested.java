package org.dealreg.identity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/**
 * A user who may sign in asked for a new password ("forgot your password?"): the one moment the raw token exists, so
 * the e-mail can carry the link. Delivered synchronously and never stored; {@link #toString()} leaves the token out.
 */
public record PasswordResetRequested(UUID userId, UUID partnerId, String email, Locale locale, ZoneId zone,
        String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "PasswordResetRequested[" + userId + ", expires " + expiresAt + "]";
    }
}
