package org.dealreg.team.internal;

import org.dealreg.shared.FieldRefused;

/** A partner admin's request broke a rule; nothing changed. */
class TeamRefused extends FieldRefused {

    TeamRefused(String field, String code) {
        super(field, code);
    }
}
