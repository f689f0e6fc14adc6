package org.dealreg.credits.internal;

import java.util.List;

/** A broken rule of the direct-win form, named by a message code, on one of its fields. */
record CreditProblem(String field, String code, List<Object> args) {

    static CreditProblem on(String field, String code, Object... args) {
        return new CreditProblem(field, code, List.of(args));
    }
}
