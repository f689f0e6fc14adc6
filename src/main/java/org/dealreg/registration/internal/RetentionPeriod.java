package org.dealreg.registration.internal;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * How long a registration's customer contact is kept after the registration ended: whole calendar months (the
 * {@code personal-data-retention-months} setting, 12 by default). Months are counted on the UTC calendar, back from
 * the job's time: on 10 March 2027 with 12 months, what ended by 10 March 2026 at the same time is due. A day the
 * earlier month lacks counts as its last day (31 March less a month is 28 February), so nothing is erased early.
 */
record RetentionPeriod(int months) {

    RetentionPeriod {
        if (months < 1) {
            throw new IllegalArgumentException("The retention period must be at least one month, not " + months);
        }
    }

    /**
     * The setting's value as written; anything but a whole number of months from 1 up is refused, because an
     * erasure cannot be undone and a mistyped "0" must not wipe every contact at once.
     */
    static RetentionPeriod of(String setting) {
        try {
            return new RetentionPeriod(Integer.parseInt(setting.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The retention period is not a whole number of months: '" + setting + "'");
        }
    }

    /** Registrations that ended at or before this instant are past the period at {@code now}. */
    Instant endedOnOrBefore(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
    }
}
