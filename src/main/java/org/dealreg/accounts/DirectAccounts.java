package org.dealreg.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.dealreg.shared.SearchText;

/**
 * The direct-sales accounts a customer may be. A verdict depends only on strong matches (any account) and on
 * similar names of accounts direct sales is in contact with, so the conflict check asks for those first, under
 * its lock; the similar names of the other accounts change nothing and are listed in the report afterwards.
 * Together the two lists are every account the matcher finds.
 */
public interface DirectAccounts {

    /**
     * Accounts that decide a verdict: the same domain or the same normalised name in the same country (strong,
     * any account), and similar names in the same country (weak: trigram similarity at the threshold from the
     * settings, or a typo of a one-word name) among accounts with an engagement that has not ended. Each says whether
     * direct sales was engaged with it at {@code asOf}. Runs in the caller's transaction.
     *
     * @param domain the customer's normalised domain, or null when none is known
     */
    List<AccountMatch> decisiveMatches(String normalisedName, String country, String domain, Instant asOf);

    /**
     * Similar names in the same country among the accounts with no engagement open (so not engaged), leaving
     * out {@code alreadyListed}: the rest of the report, which cannot change its verdict.
     */
    List<AccountMatch> otherSimilarNames(String normalisedName, String country, Collection<UUID> alreadyListed);

    /**
     * Those of {@code among} whose name contains {@code search} once both are normalised as customer names are (case,
     * accents, legal forms), in one query: for a list of rows that name accounts, searched by account name.
     */
    Set<UUID> namedLike(SearchText search, Collection<UUID> among);

    /** Account names by id, in one query (for a report that lists accounts by id). */
    Map<UUID, String> names(Collection<UUID> ids);

    /** The CRM ids of accounts by id, in one query (the CRM's feed names accounts by its own ids). */
    Map<UUID, String> crmIds(Collection<UUID> ids);

    /** The rep who owns the account now (ownership moves with imports); empty for an unknown account. */
    Optional<UUID> ownerOf(UUID accountId);

    /** The accounts the rep owns now, by name. */
    List<AccountName> ownedBy(UUID repId);

    record AccountName(UUID id, String name) {
    }

    /** Every account the matcher finds: the decisive matches, then the other similar names. */
    default List<AccountMatch> match(String normalisedName, String country, String domain, Instant asOf) {
        List<AccountMatch> decisive = decisiveMatches(normalisedName, country, domain, asOf);
        List<UUID> listed = decisive.stream().map(AccountMatch::accountId).toList();
        return Stream.concat(decisive.stream(),
                otherSimilarNames(normalisedName, country, listed).stream()).toList();
    }
}
