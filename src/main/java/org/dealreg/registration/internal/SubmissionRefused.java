package org.dealreg.registration.internal;

import java.util.List;

/** A submission that breaks the programme's rules; nothing was stored. */
class SubmissionRefused extends RuntimeException {

    private final List<FieldProblem> problems;

    SubmissionRefused(List<FieldProblem> problems) {
        super("Submission refused: " + problems.stream().map(FieldProblem::code).toList());
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
