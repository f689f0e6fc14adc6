package org.dealreg.credits.internal;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dealreg.conflicts.ConflictReport.Match;

/**
 * Which direct account a partner's registration is tied to, from the report of its conflict check at submission.
 * Only a strong match ties: the same domain ({@code ACCOUNT_DOMAIN}) or the same normalised name in the same country
 * ({@code ACCOUNT_NAME}). A similar name is a guess for a manager to weigh, so it never moves pay. Of several strong
 * matches, one account: the same domain first, then the higher score, then an account direct sales was engaged with.
 */
final class AccountTiePolicy {

    static final Set<String> TYING_KINDS = Set.of("ACCOUNT_DOMAIN", "ACCOUNT_NAME");

    private static final Comparator<Match> PREFERRED = Comparator
            .comparing((Match m) -> !"ACCOUNT_DOMAIN".equals(m.kind()))
            .thenComparing(Match::score, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(m -> !Boolean.TRUE.equals(m.accountEngaged()))
            // the same report always ties to the same account
            .thenComparing(Match::accountId);

    private AccountTiePolicy() {
    }

    static Optional<Match> tiedAccount(List<Match> matches) {
        return matches.stream()
                .filter(m -> m.account() && TYING_KINDS.contains(m.kind()))
                .min(PREFERRED);
    }
}
