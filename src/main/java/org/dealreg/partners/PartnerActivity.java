package org.dealreg.partners;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * What a partner's registrations add up to, for its profile and its manager's page. The registration module, which
 * holds the registrations (and depends on this one), provides it.
 */
public interface PartnerActivity {

    /** Submitted and approved registrations: what the tier's cap counts. */
    long openRegistrations(UUID partnerId);

    /** The USD value of the registrations closed won between the two days (both included), per specialisation code. */
    Map<String, BigDecimal> wonUsdBySpecialization(UUID partnerId, LocalDate from, LocalDate to);
}
