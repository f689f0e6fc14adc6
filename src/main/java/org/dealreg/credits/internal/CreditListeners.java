package org.dealreg.credits.internal;

import org.dealreg.registration.RegistrationClosed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Credits a partner's won close to the account's owner. Synchronous, in the closing transaction: the credit commits
 * with the close or not at all, and the ledger's unique registration id makes a second delivery harmless.
 */
@Component
class CreditListeners {

    private final CreditLedger ledger;

    CreditListeners(CreditLedger ledger) {
        this.ledger = ledger;
    }

    @EventListener
    void on(RegistrationClosed closed) {
        ledger.creditPartnerWin(closed);
    }
}
