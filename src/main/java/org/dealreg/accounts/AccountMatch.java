package org.dealreg.accounts;

import java.math.BigDecimal;
import java.util.UUID;

/** A direct-sales account that may be the customer a partner registers, and why. */
public record AccountMatch(UUID accountId, String accountName, String country, UUID ownerId, Kind kind,
        BigDecimal score, boolean engaged) {

    public enum Kind {
        /** The same domain. */
        DOMAIN,
        /** The same normalised name in the same country. */
        NAME,
        /**
         * A similar name in the same country: trigram similarity at or above the threshold, or a one-word name typed
         * with a mistake or two (docs/conflict-check.md).
         */
        SIMILAR_NAME;

        public boolean strong() {
            return this != SIMILAR_NAME;
        }
    }
}
