package org.dealreg.registration;

import java.util.List;

/**
 * A partner's or a manager's action on a registration that its rules refuse (closing one that is not approved,
 * a third extension, a second request while one is open…): nothing was changed. {@code code} is a message key
 * the page shows with {@code args}.
 */
public class RegistrationActionRefused extends RuntimeException {

    private final String code;
    private final List<Object> args;

    public RegistrationActionRefused(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = List.of(args);
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.toArray();
    }
}
