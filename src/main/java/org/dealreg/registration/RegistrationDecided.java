package org.dealreg.registration;

import java.time.Instant;
import java.util.UUID;

/**
 * A registration left {@code SUBMITTED}: approved or rejected by a manager, approved by the programme at its
 * deadline, or withdrawn by its partner. {@code actorId} is who did it (the manager, the partner's user), null
 * when the programme did. Carries no typed text.
 */
public record RegistrationDecided(UUID registrationId, String receiptNumber, UUID partnerId, UUID submittedBy,
        RegistrationStatus status, UUID actorId, RejectionReason reason, Instant at) {
}
