package org.dealreg.joining.internal;

import org.dealreg.shared.FieldRefused;

/** An application, or a decision on one, broke a rule: nothing was stored. */
class ApplicationRefused extends FieldRefused {

    ApplicationRefused(String field, String code) {
        super(field, code);
    }
}
