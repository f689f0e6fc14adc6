package org.dealreg.registration;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Counts and sums of registrations for the dashboards, from plain columns only (nothing a partner typed). A
 * {@code partners} argument narrows the figures to those companies; null means every company. Instants are ranges of
 * submission (or decision) times, {@code from} included and {@code to} excluded.
 */
public interface RegistrationFigures {

    /** How many registrations stand in a status, and their value in USD at submission. */
    record StatusLine(RegistrationStatus status, long count, BigDecimal valueUsd) {
    }

    /** Every status of the company's registrations submitted in the range, statuses with none included. */
    List<StatusLine> pipeline(UUID partnerId, Instant from, Instant to);

    /** Decisions on registrations submitted in the range, and the median time to a decision (null: none decided). */
    record Decisions(long approved, long rejected, Duration medianTime) {

        public long decided() {
            return approved + rejected;
        }
    }

    Decisions decisions(UUID partnerId, Instant from, Instant to);

    /** The company's approved registrations whose protection ends after {@code now} and within {@code within}. */
    long protectionEndingWithin(UUID partnerId, Instant now, Duration within);

    /** The company's registrations open now (submitted or approved), as the tier's cap counts them. */
    long open(UUID partnerId);

    /** USD won per specialisation code, closed from {@code first} to {@code last} (days, both included). */
    Map<String, BigDecimal> wonUsdBySpecialization(Collection<UUID> partners, LocalDate first, LocalDate last);

    /** Registrations waiting for a decision, per company, by how close their due time is at {@code now}. */
    record Pending(UUID partnerId, long onTime, long dueSoon, long overdue) {
    }

    List<Pending> pendingByPartner(Collection<UUID> partners, Instant now);

    /** Decisions made on one day (in the reader's time zone). */
    record DayDecisions(LocalDate day, long approved, long rejected) {
    }

    /**
     * The trust figures of the registrations submitted in one week (Monday, in the reader's time zone; null: the whole
     * range), counted as
     * the trust page counts them: times in whole minutes, a registration still waiting past a promise counted as late.
     */
    record DecisionTimes(LocalDate week, long submitted, long decided, Duration median, Duration p95,
            long within24h, long counted24h, long within48h, long counted48h) {
    }

    /** Decisions made in the range, per company and verdict of the conflict check. */
    record Approvals(UUID partnerId, String verdict, long approved, long rejected) {
    }

    /**
     * What a channel manager's dashboard reads, in two passes: of the registrations submitted in the range, the trust
     * figures per week of submission (oldest first) and over the whole range; of the decisions made in the range,
     * those of each day (oldest first, days without any left out) and those per company and verdict; days and weeks
     * in {@code zone}, the reader's.
     */
    record DecisionFigures(List<DecisionTimes> weeks, DecisionTimes overall, List<DayDecisions> days,
            List<Approvals> approvals) {
    }

    DecisionFigures decisionFigures(Collection<UUID> partners, Instant from, Instant to, Instant now, ZoneId zone);

    /**
     * The trust figures over the whole range at once, per group of companies ({@code groups}: each company's label,
     * a region for instance); groups with nothing submitted are left out.
     */
    Map<String, DecisionTimes> decisionTimesByGroup(Map<UUID, String> groups, Instant from, Instant to, Instant now);

    /** Extension requests waiting for a channel manager's answer. */
    long extensionsWaiting(Collection<UUID> partners);

    /** One month (UTC) of the programme: submitted, decided, closed won and their USD value. */
    record Month(YearMonth month, long submitted, long approved, long rejected, long won, BigDecimal wonUsd) {
    }

    /** Every month from {@code first} to {@code last}, months with nothing included, from a maintained rollup. */
    List<Month> perMonth(Collection<UUID> partners, YearMonth first, YearMonth last);

    /** USD won per company over the months, from the rollup; companies that won nothing are left out. */
    Map<UUID, BigDecimal> wonUsdByPartner(Collection<UUID> partners, YearMonth first, YearMonth last);
}
