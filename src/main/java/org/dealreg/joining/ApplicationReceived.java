package org.dealreg.joining;

import java.time.Instant;
import java.util.UUID;

/** A company applied through the public form. Carries no field the applicant typed. */
public record ApplicationReceived(UUID applicationId, UUID partnerId, String country, Instant submittedAt) {
}
