package org.dealreg.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dealreg.partners.PartnerStatus;
import org.dealreg.partners.Tier;
import org.dealreg.partners.internal.StandingPolicy.Move;
import org.dealreg.partners.internal.StandingPolicy.Standing;
import org.dealreg.shared.RulesBroken;
import org.junit.jupiter.api.Test;

class StandingPolicyTest {

    private static final Standing REGISTERED_WITH_ONE = new Standing(Tier.REGISTERED, PartnerStatus.ACTIVE, 1);

    private static String refusal(Standing now, Move move) {
        return ((RulesBroken) org.assertj.core.api.Assertions.catchThrowable(() -> StandingPolicy.apply(now, move)))
                .getCodes()[0];
    }

    @Test
    void anActiveRegisteredPartnerWithASpecialisationIsPromoted() {
        assertThat(StandingPolicy.apply(REGISTERED_WITH_ONE, Move.PROMOTE).tier()).isEqualTo(Tier.CERTIFIED);
    }

    @Test
    void certificationNeedsASpecialisation() {
        assertThat(refusal(new Standing(Tier.REGISTERED, PartnerStatus.ACTIVE, 0), Move.PROMOTE))
                .isEqualTo("partners.refused.noSpecialization");
    }

    @Test
    void thereIsNothingBelowRegistered() {
        assertThat(refusal(REGISTERED_WITH_ONE, Move.DEMOTE)).isEqualTo("partners.refused.belowRegistered");
        assertThat(StandingPolicy.apply(new Standing(Tier.CERTIFIED, PartnerStatus.ACTIVE, 2), Move.DEMOTE).tier())
                .isEqualTo(Tier.REGISTERED);
    }

    @Test
    void aSuspendedPartnerKeepsItsTierAndGetsItBackOnReactivation() {
        Standing suspended = StandingPolicy.apply(new Standing(Tier.CERTIFIED, PartnerStatus.ACTIVE, 2), Move.SUSPEND);
        assertThat(suspended).isEqualTo(new Standing(Tier.CERTIFIED, PartnerStatus.SUSPENDED, 2));
        assertThat(refusal(suspended, Move.PROMOTE)).isEqualTo("partners.refused.notActive");
        assertThat(refusal(suspended, Move.SUSPEND)).isEqualTo("partners.refused.notActive");
        assertThat(StandingPolicy.apply(suspended, Move.REACTIVATE)).isEqualTo(new Standing(Tier.CERTIFIED, PartnerStatus.ACTIVE, 2));
        assertThatThrownBy(() -> StandingPolicy.apply(REGISTERED_WITH_ONE, Move.REACTIVATE))
                .isInstanceOf(RulesBroken.class);
    }
}
