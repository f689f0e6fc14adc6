package org.dealreg.reports.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Which registration counts in which trust figure. Times are counted in whole minutes, as the page shows them
 * (the seconds are dropped).
 * <ul>
 * <li>Decision time runs from submission to approval or rejection. The median and the 95th percentile are taken
 * over decided registrations only, by linear interpolation between the closest ranks: PostgreSQL's
 * {@code percentile_cont}, a spreadsheet's {@code PERCENTILE.INC}, so a manager can check them.</li>
 * <li>A withdrawn registration was never decided: it counts in no figure.</li>
 * <li>Decided within 24 h (48 h) counts the decided registrations and those still waiting after 24 h (48 h): a
 * registration nobody answered lowers the share rather than vanish from it. One still waiting that could yet be
 * answered in time is not counted yet. Minutes rather than seconds let an approval by the programme at the deadline,
 * which the deadline job makes within the minute, count as within.</li>
 * <li>Approved by the programme counts among the decided registrations.</li>
 * </ul>
 */
final class TrustFiguresPolicy {

    static final Duration FIRST_PROMISE = Duration.ofHours(24);
    static final Duration SECOND_PROMISE = Duration.ofHours(48);

    private TrustFiguresPolicy() {
    }

    static TrustFigures figures(Collection<RegistrationOutcome> outcomes) {
        List<Duration> decisionTimes = outcomes.stream().filter(o -> o.kind().decided())
                .map(RegistrationOutcome::waited).sorted().toList();
        int waiting = (int) outcomes.stream().filter(o -> o.kind() == RegistrationOutcome.Kind.WAITING).count();
        int withdrawn = (int) outcomes.stream().filter(o -> o.kind() == RegistrationOutcome.Kind.WITHDRAWN).count();
        int byProgramme = (int) outcomes.stream()
                .filter(o -> o.kind() == RegistrationOutcome.Kind.DECIDED_BY_PROGRAMME).count();
        return new TrustFigures(outcomes.size(), decisionTimes.size(), waiting, withdrawn,
                percentile(decisionTimes, 0.5), percentile(decisionTimes, 0.95),
                decidedWithin(FIRST_PROMISE, outcomes), decidedWithin(SECOND_PROMISE, outcomes),
                new Share(byProgramme, decisionTimes.size()));
    }

    static Share decidedWithin(Duration promise, Collection<RegistrationOutcome> outcomes) {
        int within = 0;
        int counted = 0;
        for (RegistrationOutcome outcome : outcomes) {
            Duration waited = wholeMinutes(outcome.waited());
            if (outcome.kind().decided()) {
                counted++;
                if (waited.compareTo(promise) <= 0) {
                    within++;
                }
            } else if (outcome.kind() == RegistrationOutcome.Kind.WAITING && waited.compareTo(promise) > 0) {
                counted++;
            }
        }
        return new Share(within, counted);
    }

    /**
     * The p-th percentile (0 to 1) of durations in ascending order, interpolated between the two closest ranks and
     * cut to the whole minute; null for no durations.
     */
    static Duration percentile(List<Duration> ascending, double p) {
        if (ascending.isEmpty()) {
            return null;
        }
        double rank = p * (ascending.size() - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, ascending.size() - 1);
        long low = ascending.get(below).toMillis();
        long high = ascending.get(above).toMillis();
        return wholeMinutes(Duration.ofMillis(Math.round(low + (rank - below) * (high - low))));
    }

    private static Duration wholeMinutes(Duration duration) {
        return Duration.ofMinutes(duration.toMinutes());
    }
}
