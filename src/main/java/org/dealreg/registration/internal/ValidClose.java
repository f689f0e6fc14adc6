package org.dealreg.registration.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A close once its rules passed: {@code won} for a won deal, else the reason it was lost. */
record ValidClose(Won won, String lostReason, LocalDate closedOn) {

    /** The final amount, its rate in force on the day it was won, and its value in USD. */
    record Won(BigDecimal amount, String currency, BigDecimal usdPerUnit, BigDecimal amountUsd, LocalDate closedOn) {
    }

    @Override
    public String toString() {
        return won == null ? "ValidClose[LOST " + closedOn + "]" : "ValidClose[WON " + won.amount() + " " + won.currency() + "]";
    }
}
