package org.dealreg.reports.internal;

import java.time.Duration;

/**
 * Where one registration of the period stands, as the trust figures see it: how it ended (or that it is still
 * waiting) and how long it took, or has waited so far.
 */
record RegistrationOutcome(String regionCode, Kind kind, Duration waited) {

    enum Kind {
        /** Approved or rejected by a channel manager. */
        DECIDED_BY_MANAGER,
        /** Approved by the programme itself at its deadline (the breach policy). */
        DECIDED_BY_PROGRAMME,
        /** Still waiting for a decision. */
        WAITING,
        /** Taken back by the partner before anyone decided it. */
        WITHDRAWN;

        boolean decided() {
            return this == DECIDED_BY_MANAGER || this == DECIDED_BY_PROGRAMME;
        }
    }
}
