package org.dealreg.shared;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * An action a rule refused, nothing changed; it is its own message (a key and its arguments), so a page shows it
 * in the reader's language without knowing which rule it was.
 */
public class Refusal extends RuntimeException implements MessageSourceResolvable {

    private final String code;
    private final List<Object> args;

    public Refusal(String code, Object... args) {
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
        return args.toArray();
    }
}
