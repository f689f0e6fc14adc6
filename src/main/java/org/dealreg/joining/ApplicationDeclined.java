package org.dealreg.joining;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/**
 * A channel manager declined an application. The contact, who has no account, is told by e-mail in their region's
 * language; the reason is the vendor's own words.
 */
public record ApplicationDeclined(UUID applicationId, UUID partnerId, String contactEmail, Locale locale, ZoneId zone,
        String reason, UUID declinedBy, Instant at) {

    @Override
    public String toString() {
        return "ApplicationDeclined[" + applicationId + "]";
    }
}
