package org.dealreg.registration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the protection job does to approved registrations (DESIGN.md §4): it reminds the partner before protection
 * ends and expires the registration when it has. Each step happens once however often, or on however many nodes,
 * the job runs: a reminder by a conditional update of the step last sent, an expiry through the registration's
 * version. Time is the caller's.
 */
public interface ProtectionEnforcement {

    /** Approved registrations whose protection ends within the first reminder step and has not ended. */
    List<UUID> endingSoon(Instant now);

    /** @return true for the one caller that sent the reminder due now (and published {@link ProtectionEndingSoon}) */
    boolean remind(UUID id, Instant now);

    /** Approved registrations whose protection ended by {@code now}, with no extension request waiting. */
    List<UUID> protectionEnded(Instant now);

    /** @return true for the one caller that expired it (and published {@link RegistrationExpired}) */
    boolean expire(UUID id, Instant now);
}
