package org.dealreg.partners;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A channel manager changed which specialisations a partner holds. */
public record PartnerSpecializationsChanged(UUID partnerId, Set<String> before, Set<String> after, UUID changedBy,
        Instant at) {
}
