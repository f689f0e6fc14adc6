package org.dealreg.joining.internal;

import java.time.Instant;
import java.util.UUID;

/** An application as the managers' pages show it. */
public record ApplicationView(UUID id, ApplicationStatus status, String contactName, String contactEmail,
        String contactPhone, String website, String message, Instant submittedAt, Instant decidedAt,
        String declineReason, UUID adminUserId) {
}
