package org.dealreg.accounts;

import java.time.Instant;
import java.util.List;

public interface DirectAccounts {

    /**
     * Accounts that may be this customer: by domain or by the same normalised name in the same country
     * (strong), or by a similar name in the same country (weak, threshold from the settings), each
     * with whether direct sales was engaged with it at {@code asOf}. Runs in the caller's transaction.
     *
     * @param domain the customer's normalised domain, or null when none is known
     */
    List<AccountMatch> match(String normalisedName, String country, String domain, Instant asOf);
}
