package org.dealreg.shared;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.Errors;

/**
 * A broken rule (of a {@link RulesBroken}), named by a message code, on a form field (or on the whole form when field
 * is null); it is its own message, so a page that lists problems by field resolves each with the message source.
 */
public record FieldProblem(String field, String code, List<Object> args) implements MessageSourceResolvable {

    public static FieldProblem on(String field, String code, Object... args) {
        return new FieldProblem(field, code, List.of(args));
    }

    /** Marks the form: on its field, or on the whole form when it names none; arguments as the reader reads them. */
    public void rejectOn(Errors form, Locale locale) {
        Object[] arguments = Written.arguments(args, locale);
        if (field == null) {
            form.reject(code, arguments, code);
        } else {
            form.rejectValue(field, code, arguments, code);
        }
    }

    /**
     * Beside the format errors binding found, the rules' problems on the fields binding left clean, so a refused form
     * names everything wrong at once (a problem on the whole form waits until the format is right).
     */
    public static void rejectOnUnmarked(List<FieldProblem> problems, Errors form, Locale locale) {
        problems.stream().filter(problem -> problem.field() != null && !form.hasFieldErrors(problem.field()))
                .forEach(problem -> problem.rejectOn(form, locale));
    }

    public static FieldProblem global(String code, Object... args) {
        return new FieldProblem(null, code, List.of(args));
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
