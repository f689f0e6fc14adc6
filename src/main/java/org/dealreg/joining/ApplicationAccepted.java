package org.dealreg.joining;

import java.time.Instant;
import java.util.UUID;

/** A channel manager accepted an application: the company is active and Registered, its contact invited as partner admin. */
public record ApplicationAccepted(UUID applicationId, UUID partnerId, UUID adminUserId, UUID acceptedBy, Instant at) {
}
