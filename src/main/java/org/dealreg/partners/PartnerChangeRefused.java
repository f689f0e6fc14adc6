package org.dealreg.partners;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/** A change of a partner's standing the programme's rules refuse; nothing was changed. It is its own message. */
public class PartnerChangeRefused extends RuntimeException implements MessageSourceResolvable {

    private final String code;
    private final List<Object> args;

    public PartnerChangeRefused(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = List.of(args);
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return args.toArray();
    }
}
