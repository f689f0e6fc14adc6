package org.dealreg.shared;

import java.util.List;

/** A broken rule (of a {@link RulesBroken}), named by a message code, on a form field (or on the whole form when field is null). */
public record FieldProblem(String field, String code, List<Object> args) {

    public static FieldProblem on(String field, String code, Object... args) {
        return new FieldProblem(field, code, List.of(args));
    }

    public static FieldProblem global(String code, Object... args) {
        return new FieldProblem(null, code, List.of(args));
    }
}
