package org.dealreg.identity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/**
 * A user was invited: the one moment the raw token exists, so the invitation e-mail can carry the link. The event is
 * delivered synchronously and never stored; {@link #toString()} leaves the token out.
 */
public record InvitationIssued(UUID userId, UUID partnerId, String email, Locale locale, ZoneId zone, String token,
        Instant expiresAt, UUID invitedBy) {

    @Override
    public String toString() {
        return "InvitationIssued[" + userId + ", expires " + expiresAt + "]";
    }
}
