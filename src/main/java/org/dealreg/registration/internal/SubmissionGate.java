package org.dealreg.registration.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.dealreg.partners.Tier;

/** Whether the partner may submit now, and what the form should say about it. */
public record SubmissionGate(boolean partnerActive, boolean regionLaunched, LocalDate launchDate,
        String defaultCurrency, BigDecimal minimumDealUsd, BigDecimal minimumInDefaultCurrency, long openRegistrations,
        int openRegistrationCap, Tier tier, String partnerCountry) {

    /**
     * The minimum in the region's own currency at today's rate, rounded up to a whole unit (a deal of that amount
     * passes), when it is not USD and a rate is known; the rules compare the amount in USD.
     */
    static BigDecimal minimumIn(String currency, BigDecimal minimumUsd, java.util.Optional<BigDecimal> usdPerUnit) {
        if ("USD".equals(currency) || usdPerUnit.isEmpty() || usdPerUnit.get().signum() <= 0) {
            return null;
        }
        return minimumUsd.divide(usdPerUnit.get(), 0, java.math.RoundingMode.CEILING);
    }

    /** Whether the minimum is shown in the region's currency, with the USD figure beside it. */
    public boolean minimumConverted() {
        return minimumInDefaultCurrency != null;
    }

    public boolean open() {
        return partnerActive && regionLaunched && !atCap();
    }

    /** The tier's cap is reached: a new registration would be refused until one ends. */
    public boolean atCap() {
        return openRegistrations >= openRegistrationCap;
    }
}
