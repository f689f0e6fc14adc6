package org.dealreg.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.Errors;

/**
 * The portal's one refusal: a change that breaks a module's rules; nothing was stored. Each broken rule is a
 * {@link FieldProblem}, named by a message code with its arguments, on the form field it is about (null: the whole
 * form or action). A form page marks them with {@link #rejectOn}; a page that acted without a form (a button) shows it
 * as a message, since it is its own {@link MessageSourceResolvable} (its first problem); the API answers it as a
 * problem+json document ({@code integrations.internal.ApiProblems}). The rule is written in docs/rules.md.
 *
 * <p>Throw {@link #on} for a value that breaks a rule, {@link #global} for the form as a whole, {@link #refused} for an
 * action the current state of what it acts on forbids (not approved, a request already open…): the API answers the
 * first two 422 with an entry per field, the last 409.
 */
public class RulesBroken extends RuntimeException implements MessageSourceResolvable {

    /** What the refusal is about: what was sent (422 in the API), or the state of what it acts on now (409). */
    public enum Kind {
        INPUT, STATE
    }

    private final Kind kind;
    private final List<FieldProblem> problems;

    /** The form's problems, at least one. */
    public RulesBroken(List<FieldProblem> problems) {
        this(Kind.INPUT, problems);
    }

    private RulesBroken(Kind kind, List<FieldProblem> problems) {
        super("Rules broken: " + problems.stream().map(FieldProblem::code).toList());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A refusal names at least one broken rule");
        }
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    /** A value that breaks a rule, on its field (null: the whole form, or a value whose field the caller knows). */
    public static RulesBroken on(String field, String code, Object... args) {
        return new RulesBroken(List.of(FieldProblem.on(field, code, args)));
    }

    /** The form as a whole breaks a rule (the company is not active, the region not open…). */
    public static RulesBroken global(String code, Object... args) {
        return new RulesBroken(List.of(FieldProblem.global(code, args)));
    }

    /** An action the current state of what it acts on forbids now, whatever was sent (the API answers 409). */
    public static RulesBroken refused(String code, Object... args) {
        return new RulesBroken(Kind.STATE, List.of(FieldProblem.global(code, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public Kind kind() {
        return kind;
    }

    /** The message code of its first problem (the only one of a refusal made by {@link #on}, {@link #global} or {@link #refused}). */
    public String code() {
        return problems.get(0).code();
    }

    /** Marks the form with every problem: each on its field, or on the whole form when it names none. */
    public void rejectOn(Errors form, Locale locale) {
        problems.forEach(problem -> problem.rejectOn(form, locale));
    }

    @Override
    public String[] getCodes() {
        return problems.get(0).getCodes();
    }

    @Override
    public Object[] getArguments() {
        return problems.get(0).getArguments();
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
