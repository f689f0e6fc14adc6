package org.dealreg.partners;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

public interface Partners {

    Optional<PartnerView> find(UUID id);

    /** Several partners in one query, by id; ids of no partner are left out. */
    Map<UUID, PartnerView> findAll(Collection<UUID> ids);

    Optional<PartnerView> findByLegalName(String legalName);

    /** The ids of every partner in a region, in one query (lists filtered by region narrow their own rows with it). */
    Set<UUID> idsInRegion(String regionCode);

    /**
     * Locks the partner's row until the caller's transaction ends: a partner's submissions then count its open
     * registrations one after the other, so two at once cannot both slip under the cap.
     */
    void lock(UUID partnerId);

    /** Adds an active partner directly (demo data, admin tools); applications come through the public form. */
    PartnerView addActive(String legalName, String country, Tier tier, Set<String> specializationCodes);
}
