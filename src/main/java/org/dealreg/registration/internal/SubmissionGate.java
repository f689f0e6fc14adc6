package org.dealreg.registration.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.dealreg.partners.Tier;

/** Whether the partner may submit now, and what the form should say about it. */
public record SubmissionGate(boolean partnerActive, boolean regionLaunched, LocalDate launchDate,
        String defaultCurrency, BigDecimal minimumDealUsd, BigDecimal minimumInDefaultCurrency, long openRegistrations,
        int openRegistrationCap, Tier tier, String partnerCountry) {

    /** Whether the minimum is shown in the region's currency, with the USD figure beside it. */
    public boolean minimumConverted() {
        return minimumInDefaultCurrency != null;
    }

    public boolean open() {
        return partnerActive && regionLaunched && !atCap();
    }

    /** The tier's cap is reached: a new registration would be refused until one ends. */
    public boolean atCap() {
        return TierCapPolicy.reached(openRegistrations, openRegistrationCap);
    }
}
