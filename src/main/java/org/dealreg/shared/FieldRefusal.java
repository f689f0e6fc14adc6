package org.dealreg.shared;

/**
 * A rule broken by what a form posted: the message code to show and the form field to mark (null for the whole form).
 * Each module names its own refusals by extending it; nothing was changed when one is thrown.
 */
public abstract class FieldRefusal extends RuntimeException {

    private final String field;
    private final String code;

    protected FieldRefusal(String field, String code) {
        super(code);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
