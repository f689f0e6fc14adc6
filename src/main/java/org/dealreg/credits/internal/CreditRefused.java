package org.dealreg.credits.internal;

import java.util.List;

/** A direct win that breaks the rules; nothing was stored. */
class CreditRefused extends RuntimeException {

    private final List<CreditProblem> problems;

    CreditRefused(List<CreditProblem> problems) {
        super("Credit refused: " + problems.stream().map(CreditProblem::code).toList());
        this.problems = List.copyOf(problems);
    }

    List<CreditProblem> problems() {
        return problems;
    }
}
