package org.dealreg.registration;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A partner's or a manager's action on a registration that its rules refuse (closing one that is not approved,
 * a third extension, a second request while one is open…): nothing was changed. It is its own message: a key and
 * its arguments, a status among them named in the reader's language.
 */
public class RegistrationActionRefused extends RuntimeException implements MessageSourceResolvable {

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

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return args.stream()
                .map(arg -> arg instanceof RegistrationStatus status ? new DefaultMessageSourceResolvable("status." + status) : arg)
                .toArray();
    }
}
