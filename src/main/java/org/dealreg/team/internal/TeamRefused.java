package org.dealreg.team.internal;

import org.dealreg.shared.FieldRefusal;

/** A partner admin's request broke a rule; nothing changed. */
class TeamRefused extends FieldRefusal {

    TeamRefused(String field, String code) {
        super(field, code);
    }
}
