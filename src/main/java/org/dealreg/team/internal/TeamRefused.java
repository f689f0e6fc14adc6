package org.dealreg.team.internal;

/** A partner admin's request broke a rule; nothing changed. */
class TeamRefused extends RuntimeException {

    private final String field;
    private final String code;

    TeamRefused(String field, String code) {
        super(code);
        this.field = field;
        this.code = code;
    }

    String field() {
        return field;
    }

    String code() {
        return code;
    }
}
