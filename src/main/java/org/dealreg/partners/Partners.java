package org.dealreg.partners;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dealreg.shared.SearchText;

public interface Partners {

    Optional<PartnerView> find(UUID id);

    /** Several partners in one query, by id; ids of no partner are left out. */
    Map<UUID, PartnerView> findAll(Collection<UUID> ids);

    Optional<PartnerView> findByLegalName(String legalName);

    /** The ids of every partner in a region, in one query (lists filtered by region narrow their own rows with it). */
    Set<UUID> idsInRegion(String regionCode);

    /**
     * The ids of the partners whose company name contains {@code search} (any case), in one query; none when the
     * search is empty. Lists searched by partner narrow their own rows with it.
     */
    Set<UUID> idsNamedLike(SearchText search);

    /** Every partner company in a few plain words, in one query (figures over the whole programme). */
    List<PartnerSummary> summaries();

    /**
     * The partner as it stands once its row is held in share mode, held until the caller's transaction ends
     * (docs/submission.md): a change of its tier or status, which takes the row's lock to update it, waits for the
     * caller to end, and a caller waits for a change under way and reads its result. Any number of callers hold the
     * row at once, so they do not wait for each other.
     */
    Optional<PartnerView> findHeld(UUID id);

    /** Adds an active partner directly (demo data, admin tools); applications come through the public form. */
    PartnerView addActive(String legalName, String country, Tier tier, Set<String> specializationCodes);
}
