package org.dealreg.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

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

    /**
     * Checks a form's format rules (its bean-validation constraints) as a page's binding would, for a form that did not
     * come from a page (the API, a loader): a problem per broken constraint, with the arguments Spring gives a page's
     * message (the field, then the constraint's attributes by name).
     *
     * @throws RulesBroken naming every broken constraint
     */
    public static void unlessValid(Validator validator, Object form) {
        List<FieldProblem> problems = validator.validate(form).stream()
                .map(violation -> FieldProblem.on(violation.getPropertyPath().toString(), violation.getMessageTemplate(),
                        constraintArguments(violation)))
                .toList();
        if (!problems.isEmpty()) {
            throw new RulesBroken(problems);
        }
    }

    private static Object[] constraintArguments(ConstraintViolation<?> violation) {
        List<Object> args = new ArrayList<>();
        args.add(violation.getPropertyPath().toString());
        new TreeMap<>(violation.getConstraintDescriptor().getAttributes()).forEach((name, value) -> {
            if (!Set.of("groups", "message", "payload").contains(name)) {
                args.add(value);
            }
        });
        return args.toArray();
    }
}
