package org.dealreg.partners;

import org.dealreg.shared.Refusal;

/** A change of a partner's standing the programme's rules refuse; nothing was changed. */
public class PartnerChangeRefused extends Refusal {

    public PartnerChangeRefused(String code, Object... args) {
        super(code, args);
    }
}
