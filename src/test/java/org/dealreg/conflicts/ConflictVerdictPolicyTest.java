package org.dealreg.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.dealreg.accounts.AccountMatch;
import org.dealreg.accounts.AccountMatch.Kind;
import org.junit.jupiter.api.Test;

class ConflictVerdictPolicyTest {

    @Test
    void nothingMatchingIsClear() {
        assertThat(ConflictVerdictPolicy.decide(List.of(), false)).isEqualTo(Verdict.CLEAR);
    }

    @Test
    void anEarlierActiveRegistrationByAnotherPartnerIsAConflictWhateverTheAccounts() {
        assertThat(ConflictVerdictPolicy.decide(List.of(), true)).isEqualTo(Verdict.CONFLICT);
        assertThat(ConflictVerdictPolicy.decide(List.of(match(Kind.SIMILAR_NAME, false)), true)).isEqualTo(Verdict.CONFLICT);
    }

    @Test
    void aStrongMatchWithAnEngagedAccountIsAConflict() {
        assertThat(ConflictVerdictPolicy.decide(List.of(match(Kind.DOMAIN, true)), false)).isEqualTo(Verdict.CONFLICT);
        assertThat(ConflictVerdictPolicy.decide(List.of(match(Kind.NAME, true)), false)).isEqualTo(Verdict.CONFLICT);
    }

    @Test
    void aStrongMatchWithAnOwnedAccountNotEngagedNeedsReview() {
        assertThat(ConflictVerdictPolicy.decide(List.of(match(Kind.DOMAIN, false)), false)).isEqualTo(Verdict.REVIEW);
    }

    @Test
    void aWeakMatchNeedsReviewOnlyWhenTheAccountIsEngaged() {
        assertThat(ConflictVerdictPolicy.decide(List.of(match(Kind.SIMILAR_NAME, true)), false)).isEqualTo(Verdict.REVIEW);
        assertThat(ConflictVerdictPolicy.decide(List.of(match(Kind.SIMILAR_NAME, false)), false)).isEqualTo(Verdict.CLEAR);
    }

    @Test
    void theStrongestReasonWins() {
        assertThat(ConflictVerdictPolicy.decide(List.of(match(Kind.SIMILAR_NAME, true), match(Kind.NAME, true)), false))
                .isEqualTo(Verdict.CONFLICT);
    }

    private static AccountMatch match(Kind kind, boolean engaged) {
        return new AccountMatch(UUID.randomUUID(), "Globex", "US", UUID.randomUUID(), kind, BigDecimal.ONE, engaged);
    }
}
