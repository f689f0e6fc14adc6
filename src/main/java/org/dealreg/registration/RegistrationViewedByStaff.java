package org.dealreg.registration;

import java.time.Instant;
import java.util.UUID;

/** Someone at the vendor opened a registration, decrypted. */
public record RegistrationViewedByStaff(UUID registrationId, UUID partnerId, UUID viewerId, String viewerRole,
        Instant at) {
}
