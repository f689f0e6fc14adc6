package org.dealreg.accounts;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A rep's own accounts as their dashboard counts them: owned, engaged today, and engagements about to lapse. */
public interface RepAccountFigures {

    /** An engaged account and the day its engagement lapses unless the rep records activity. */
    record Lapsing(UUID accountId, String accountName, LocalDate lapsesOn) {
    }

    record Figures(long owned, long engaged, List<Lapsing> lapsingSoon) {
    }

    /** Accounts the rep owns on {@code today}; engagements lapsing within {@code days} days, soonest first. */
    Figures of(UUID repId, LocalDate today, int days);
}
