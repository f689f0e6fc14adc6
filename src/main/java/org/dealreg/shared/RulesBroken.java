package org.dealreg.shared;

import java.util.List;

/**
 * A change that breaks a module's rules, each named with the field it is about; nothing was stored. A form shows each
 * problem on its field, the API answers them as one problem+json document with an entry per field.
 */
public class RulesBroken extends RuntimeException {

    private final List<FieldProblem> problems;

    public RulesBroken(List<FieldProblem> problems) {
        super("Rules broken: " + problems.stream().map(FieldProblem::code).toList());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
