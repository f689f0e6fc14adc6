package org.dealreg.registration.internal;

import java.util.List;

/** A broken rule, named by a message code, on a form field (or on the whole form when field is null). */
record FieldProblem(String field, String code, List<Object> args) {

    static FieldProblem on(String field, String code, Object... args) {
        return new FieldProblem(field, code, List.of(args));
    }

    static FieldProblem global(String code, Object... args) {
        return new FieldProblem(null, code, List.of(args));
    }
}
