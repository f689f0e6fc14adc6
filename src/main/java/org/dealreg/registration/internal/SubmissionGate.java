package org.dealreg.registration.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Whether the partner may submit now, and what the form should say about it. */
public record SubmissionGate(boolean partnerActive, boolean regionLaunched, LocalDate launchDate,
        String defaultCurrency, BigDecimal minimumDealUsd) {

    public boolean open() {
        return partnerActive && regionLaunched;
    }
}
