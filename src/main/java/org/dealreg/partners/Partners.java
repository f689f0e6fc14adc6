package org.dealreg.partners;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

public interface Partners {

    Optional<PartnerView> find(UUID id);

    Optional<PartnerView> findByLegalName(String legalName);

    /** Adds an active partner directly (demo data, admin tools); applications come through the public form. */
    PartnerView addActive(String legalName, String country, Tier tier, Set<String> specializationCodes);
}
