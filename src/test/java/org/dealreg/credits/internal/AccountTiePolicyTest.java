package org.dealreg.credits.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.dealreg.conflicts.ConflictReport.Match;
import org.junit.jupiter.api.Test;

class AccountTiePolicyTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();

    @Test
    void theSameDomainOrTheSameNameTiesTheRegistrationToTheAccount() {
        assertThat(AccountTiePolicy.tiedAccount(List.of(account("ACCOUNT_DOMAIN", "1.000", a, false))))
                .map(Match::accountId).contains(a);
        assertThat(AccountTiePolicy.tiedAccount(List.of(account("ACCOUNT_NAME", "1.000", a, false))))
                .map(Match::accountId).contains(a);
    }

    @Test
    void aSimilarNameIsAGuessAndTiesNothingEvenWhenEngaged() {
        assertThat(AccountTiePolicy.tiedAccount(List.of(account("ACCOUNT_SIMILAR_NAME", "0.900", a, true)))).isEmpty();
        assertThat(AccountTiePolicy.tiedAccount(List.of())).isEmpty();
    }

    @Test
    void anotherPartnersClaimIsNoAccount() {
        Match claim = new Match("PARTNER_DOMAIN", new BigDecimal("1.000"), null, null, null, UUID.randomUUID(),
                UUID.randomUUID());
        assertThat(AccountTiePolicy.tiedAccount(List.of(claim))).isEmpty();
    }

    @Test
    void ofSeveralStrongMatchesTheSameDomainComesFirst() {
        List<Match> matches = List.of(account("ACCOUNT_NAME", "1.000", a, true), account("ACCOUNT_DOMAIN", "1.000", b, false));
        assertThat(AccountTiePolicy.tiedAccount(matches)).map(Match::accountId).contains(b);
    }

    @Test
    void thenTheHigherScoreThenTheEngagedAccount() {
        assertThat(AccountTiePolicy.tiedAccount(List.of(account("ACCOUNT_NAME", "0.950", a, true),
                account("ACCOUNT_NAME", "1.000", b, false)))).map(Match::accountId).contains(b);
        assertThat(AccountTiePolicy.tiedAccount(List.of(account("ACCOUNT_NAME", "1.000", a, false),
                account("ACCOUNT_NAME", "1.000", b, true)))).map(Match::accountId).contains(b);
    }

    @Test
    void aTieOnEverythingStillChoosesTheSameAccountWhateverTheOrder() {
        Match first = account("ACCOUNT_DOMAIN", "1.000", a, true);
        Match second = account("ACCOUNT_DOMAIN", "1.000", b, true);
        assertThat(AccountTiePolicy.tiedAccount(List.of(first, second)))
                .isEqualTo(AccountTiePolicy.tiedAccount(List.of(second, first)));
    }

    private static Match account(String kind, String score, UUID id, boolean engaged) {
        return new Match(kind, new BigDecimal(score), id, UUID.randomUUID(), engaged, null, null);
    }
}
