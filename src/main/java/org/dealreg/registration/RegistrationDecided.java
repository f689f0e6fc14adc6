package org.dealreg.registration;

import java.time.Instant;
import java.util.UUID;

/**
 * A registration left {@code SUBMITTED}: approved or rejected by a manager ({@code decidedBy}), approved by the
 * programme at its deadline ({@code decidedBy} null), or withdrawn by its partner. Carries no typed text.
 */
public record RegistrationDecided(UUID registrationId, UUID partnerId, UUID submittedBy, RegistrationStatus status,
        UUID decidedBy, RejectionReason reason, Instant at) {
}
