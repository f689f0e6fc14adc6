package org.dealreg.partners;

import java.util.UUID;

/** A company's way into the programme: recorded as APPLIED when it applies, made an active Registered partner when accepted. */
public interface PartnerEnrolment {

    /**
     * Records an applicant company as APPLIED (tier Registered) in its country's region. A company that is still
     * APPLIED (its earlier application was declined) keeps its record, moved to the country given now. Whether it may
     * apply again is the caller's rule.
     *
     * @throws IllegalArgumentException when no region serves the country
     */
    PartnerView recordApplicant(String legalName, String country);

    /** An accepted applicant: ACTIVE, Registered. Only an APPLIED company can be accepted. */
    PartnerView accept(UUID partnerId);
}
