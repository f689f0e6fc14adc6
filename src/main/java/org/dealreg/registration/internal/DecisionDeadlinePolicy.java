package org.dealreg.registration.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When the vendor's answer is due (DESIGN.md §5). Computed and stored once, at submission, so a later change of
 * the settings does not move it.
 *
 * <p>{@code CALENDAR} (the default): the window counts every hour. {@code BUSINESS}: only the hours of business
 * days count — Monday to Friday, not a holiday of the partner's region, whole days in the region's time zone.
 * A 24-hour window opened on a Friday at 15:00 closes on Monday at 15:00. Whole days, not office hours: the
 * promise stays "24 to 48 hours" of the days the vendor works, which a partner can check on a calendar.
 */
final class DecisionDeadlinePolicy {

    enum ClockMode { CALENDAR, BUSINESS }

    /** Enough for any window of weeks across the longest run of holidays; a guard against a misconfiguration. */
    private static final int MAX_DAYS = 366;

    private DecisionDeadlinePolicy() {
    }

    static Instant dueAt(Instant submittedAt, Duration window) {
        return dueAt(submittedAt, window, ClockMode.CALENDAR, ZoneId.of("UTC"), Set.of());
    }

    static Instant dueAt(Instant submittedAt, Duration window, ClockMode mode, ZoneId zone, Set<LocalDate> holidays) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A decision window must be positive, was " + window);
        }
        if (mode == ClockMode.CALENDAR) {
            return submittedAt.plus(window);
        }
        Duration left = window;
        ZonedDateTime at = submittedAt.atZone(zone);
        for (int days = 0; days < MAX_DAYS; days++) {
            LocalDate day = at.toLocalDate();
            ZonedDateTime dayEnd = day.plusDays(1).atStartOfDay(zone);
            if (isBusinessDay(day, holidays)) {
                Duration available = Duration.between(at, dayEnd);
                if (left.compareTo(available) <= 0) {
                    return at.toInstant().plus(left);
                }
                left = left.minus(available);
            }
            at = dayEnd;
        }
        throw new IllegalStateException("No business day within a year of " + submittedAt + " in " + zone);
    }

    static boolean isBusinessDay(LocalDate day, Set<LocalDate> holidays) {
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.contains(day);
    }
}
