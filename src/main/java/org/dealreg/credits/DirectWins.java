package org.dealreg.credits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.dealreg.identity.CurrentUser;

/** A rep's direct win as the vendor's CRM reports it: the direct-win form's rules, once per CRM opportunity. */
public interface DirectWins {

    /**
     * Credits the rep with the win on an account they own, at the rate in force on the day it closed.
     *
     * @return false when this opportunity was recorded already: nothing more is stored
     * @throws org.dealreg.shared.RulesBroken naming every broken rule of the form; nothing is stored
     */
    boolean recordFromCrm(String opportunityId, CurrentUser rep, UUID accountId, BigDecimal amount, String currency,
            LocalDate closedOn);
}
