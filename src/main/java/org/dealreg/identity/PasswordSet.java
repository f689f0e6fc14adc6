package org.dealreg.identity;

import java.time.Instant;
import java.util.UUID;

/** An invited user set their password through their invitation link. */
public record PasswordSet(UUID userId, UUID partnerId, Instant at) {
}
