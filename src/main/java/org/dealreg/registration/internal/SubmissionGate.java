package org.dealreg.registration.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.dealreg.partners.Tier;

/** Whether the partner may submit now, and what the form should say about it. */
public record SubmissionGate(boolean partnerActive, boolean regionLaunched, LocalDate launchDate,
        String defaultCurrency, BigDecimal minimumDealUsd, long openRegistrations, int openRegistrationCap, Tier tier) {

    public boolean open() {
        return partnerActive && regionLaunched && !atCap();
    }

    /** The tier's cap is reached: a new registration would be refused until one ends. */
    public boolean atCap() {
        return openRegistrations >= openRegistrationCap;
    }
}
