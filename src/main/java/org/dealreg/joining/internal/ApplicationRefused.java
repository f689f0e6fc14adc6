package org.dealreg.joining.internal;

/** An application, or a decision on one, broke a rule: the message code (and field) say which; nothing was stored. */
class ApplicationRefused extends RuntimeException {

    private final String field;
    private final String code;

    ApplicationRefused(String field, String code) {
        super(code);
        this.field = field;
        this.code = code;
    }

    /** The form field to mark, or null for the whole form. */
    String field() {
        return field;
    }

    String code() {
        return code;
    }
}
