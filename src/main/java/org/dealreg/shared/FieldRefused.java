package org.dealreg.shared;

import java.util.List;

/**
 * A change broke a rule of the module that checks it; nothing was stored. It names the form field to mark (null for
 * an action that has no form) and a message code of the bundles with its arguments, never a text for the page.
 */
public class FieldRefused extends RuntimeException {

    private final String field;
    private final String code;
    private final transient List<Object> args;

    public FieldRefused(String field, String code, Object... args) {
        super(code);
        this.field = field;
        this.code = code;
        this.args = List.of(args);
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.toArray();
    }
}
