package org.dealreg.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.reports.internal.RegistrationOutcome.Kind.DECIDED_BY_MANAGER;
import static org.dealreg.reports.internal.RegistrationOutcome.Kind.DECIDED_BY_PROGRAMME;
import static org.dealreg.reports.internal.RegistrationOutcome.Kind.WAITING;
import static org.dealreg.reports.internal.RegistrationOutcome.Kind.WITHDRAWN;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How the trust figures count registrations, without Spring or a database. */
class TrustFiguresPolicyTest {

    @Test
    void theMedianAndThe95thPercentileInterpolateBetweenTheTwoClosestDecisions() {
        List<RegistrationOutcome> outcomes = new ArrayList<>();
        for (int hours = 1; hours <= 8; hours++) {
            outcomes.add(byManager(Duration.ofHours(hours)));
        }
        outcomes.add(byProgramme(Duration.ofHours(24).plusSeconds(40)));
        outcomes.add(byManager(Duration.ofHours(30)));

        TrustFigures figures = TrustFiguresPolicy.figures(outcomes);

        // ten decisions: the median is halfway between the 5th and 6th, the 95th percentile 55 % of the way from
        // the 9th (24 h 0 min 40 s) to the 10th (30 h), cut to the minute
        assertThat(figures.medianDecisionTime()).isEqualTo(Duration.ofMinutes(5 * 60 + 30));
        assertThat(figures.p95DecisionTime()).isEqualTo(Duration.ofMinutes(27 * 60 + 18));
        assertThat(figures.decided()).isEqualTo(10);
    }

    @Test
    void aSingleDecisionIsItsOwnMedianAnd95thPercentile() {
        TrustFigures figures = TrustFiguresPolicy.figures(List.of(byManager(Duration.ofMinutes(185))));
        assertThat(figures.medianDecisionTime()).isEqualTo(Duration.ofMinutes(185));
        assertThat(figures.p95DecisionTime()).isEqualTo(Duration.ofMinutes(185));
    }

    @Test
    void aRegistrationNobodyAnsweredAfter24HoursLowersTheShareRatherThanVanish() {
        List<RegistrationOutcome> outcomes = List.of(byManager(Duration.ofHours(2)), byManager(Duration.ofHours(3)),
                waiting(Duration.ofHours(26)));

        TrustFigures figures = TrustFiguresPolicy.figures(outcomes);

        assertThat(figures.decidedWithin24Hours()).isEqualTo(new Share(2, 3));
        assertThat(figures.decidedWithin48Hours()).as("it can still be answered within 48 h: not counted yet")
                .isEqualTo(new Share(2, 2));
        assertThat(figures.medianDecisionTime()).as("a decision time exists only once decided")
                .isEqualTo(Duration.ofMinutes(150));
        assertThat(figures.waiting()).isEqualTo(1);
    }

    @Test
    void aRegistrationStillWaitingThatCanBeAnsweredInTimeIsNotCountedYet() {
        TrustFigures figures = TrustFiguresPolicy.figures(List.of(byManager(Duration.ofHours(30)),
                waiting(Duration.ofHours(23))));
        assertThat(figures.decidedWithin24Hours()).isEqualTo(new Share(0, 1));
        assertThat(figures.decidedWithin48Hours()).isEqualTo(new Share(1, 1));
    }

    @Test
    void oneWaitingPast48HoursIsLateForBothPromises() {
        TrustFigures figures = TrustFiguresPolicy.figures(List.of(byManager(Duration.ofHours(1)),
                waiting(Duration.ofHours(50))));
        assertThat(figures.decidedWithin24Hours()).isEqualTo(new Share(1, 2));
        assertThat(figures.decidedWithin48Hours()).isEqualTo(new Share(1, 2));
    }

    @Test
    void withdrawnRegistrationsCountInNoFigureButTheirOwnColumn() {
        List<RegistrationOutcome> withoutThem = List.of(byManager(Duration.ofHours(4)), byManager(Duration.ofHours(30)));
        List<RegistrationOutcome> withThem = new ArrayList<>(withoutThem);
        withThem.add(withdrawn());
        withThem.add(withdrawn());

        TrustFigures figures = TrustFiguresPolicy.figures(withThem);
        TrustFigures reference = TrustFiguresPolicy.figures(withoutThem);

        assertThat(figures.submitted()).isEqualTo(4);
        assertThat(figures.withdrawn()).isEqualTo(2);
        assertThat(figures.decided()).isEqualTo(2);
        assertThat(figures.medianDecisionTime()).isEqualTo(reference.medianDecisionTime());
        assertThat(figures.p95DecisionTime()).isEqualTo(reference.p95DecisionTime());
        assertThat(figures.decidedWithin24Hours()).isEqualTo(new Share(1, 2));
        assertThat(figures.decidedWithin48Hours()).isEqualTo(new Share(2, 2));
        assertThat(figures.approvedByProgramme()).isEqualTo(new Share(0, 2));
    }

    @Test
    void timesCountInWholeMinutesSoTheProgrammesApprovalAtTheDeadlineIsInTime() {
        Share share = TrustFiguresPolicy.decidedWithin(Duration.ofHours(24), List.of(
                byProgramme(Duration.ofHours(24).plusSeconds(59)),
                byManager(Duration.ofHours(24).plusMinutes(1)),
                waiting(Duration.ofHours(24).plusSeconds(30))));
        assertThat(share).as("24 h 0 min 59 s is in time; 24 h 1 min is not; 24 h 0 min 30 s of waiting is not late yet")
                .isEqualTo(new Share(1, 2));
    }

    @Test
    void theShareApprovedByTheProgrammeIsOutOfTheDecidedRegistrations() {
        TrustFigures figures = TrustFiguresPolicy.figures(List.of(byProgramme(Duration.ofHours(24)),
                byManager(Duration.ofHours(5)), byManager(Duration.ofHours(6)), byManager(Duration.ofHours(7)),
                waiting(Duration.ofHours(40)), withdrawn()));
        assertThat(figures.approvedByProgramme()).isEqualTo(new Share(1, 4));
        assertThat(figures.approvedByProgramme().value()).isEqualTo(0.25);
    }

    @Test
    void nothingToCountGivesNoFigureRatherThanZero() {
        TrustFigures none = TrustFiguresPolicy.figures(List.of());
        assertThat(none.submitted()).isZero();
        assertThat(none.medianDecisionTime()).isNull();
        assertThat(none.p95DecisionTime()).isNull();
        assertThat(none.decidedWithin24Hours().known()).isFalse();
        assertThat(none.decidedWithin48Hours().known()).isFalse();
        assertThat(none.approvedByProgramme().known()).isFalse();

        TrustFigures justSubmitted = TrustFiguresPolicy.figures(List.of(waiting(Duration.ofHours(3)), withdrawn()));
        assertThat(justSubmitted.submitted()).isEqualTo(2);
        assertThat(justSubmitted.medianDecisionTime()).isNull();
        assertThat(justSubmitted.decidedWithin24Hours().known()).as("nothing decided or late yet").isFalse();
        assertThat(justSubmitted.approvedByProgramme().known()).isFalse();
    }

    private static RegistrationOutcome byManager(Duration took) {
        return new RegistrationOutcome("US", DECIDED_BY_MANAGER, took);
    }

    private static RegistrationOutcome byProgramme(Duration took) {
        return new RegistrationOutcome("US", DECIDED_BY_PROGRAMME, took);
    }

    private static RegistrationOutcome waiting(Duration sinceSubmission) {
        return new RegistrationOutcome("US", WAITING, sinceSubmission);
    }

    private static RegistrationOutcome withdrawn() {
        return new RegistrationOutcome("US", WITHDRAWN, Duration.ZERO);
    }
}
