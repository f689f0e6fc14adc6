package org.dealreg.partners;

import java.util.Set;
import java.util.UUID;

/** What other modules may know of a partner company. */
public record PartnerView(UUID id, String legalName, String country, String regionCode, Tier tier, PartnerStatus status,
        Set<String> specializationCodes) {

    public boolean active() {
        return status == PartnerStatus.ACTIVE;
    }
}
