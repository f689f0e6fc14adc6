package org.dealreg.integrations.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.dealreg.conflicts.AlreadyRegistered;
import org.dealreg.registration.AlreadyDecided;
import org.dealreg.shared.FieldProblem;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.RulesBroken;
import org.dealreg.shared.Written;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The API's errors as RFC 9457 problem documents ({@code application/problem+json}), in the caller's language, with
 * the forms' messages: broken rules are 422 with an entry per field in {@code errors}; another company's or an unknown
 * id 404; a registration already held, or changed since it was read, 409; Spring MVC's own (unreadable body, wrong
 * method, …) as Spring words them. The portal's own failures (500, 503) come from the error page (docs/api.md).
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** One broken rule: the field (null for the whole request), its message code and the message. */
    record FieldError(String field, String code, String detail) {
    }

    /**
     * Broken rules: what was sent is 422 with an entry per field; an action the state of what it acts on forbids now
     * (not approved, a request already open, …, {@link RulesBroken#refused}) is 409 with its message.
     */
    @ExceptionHandler(RulesBroken.class)
    ProblemDetail rulesBroken(RulesBroken broken, Locale locale) {
        if (broken.kind() == RulesBroken.Kind.STATE) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.getMessage(broken, locale));
        }
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "api.problem.rules", locale);
        problem.setProperty("errors", broken.problems().stream().map(p -> fieldError(p, locale)).toList());
        return problem;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(Locale locale) {
        return problem(HttpStatus.NOT_FOUND, "api.problem.notFound", locale);
    }

    @ExceptionHandler(AlreadyRegistered.class)
    ProblemDetail alreadyRegistered(AlreadyRegistered already, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "deal.customer.alreadyYours", locale);
        problem.setProperty("existingRegistration", URI.create("/api/v1/registrations/" + already.existingRegistrationId()));
        return problem;
    }

    @ExceptionHandler(AlreadyDecided.class)
    ProblemDetail alreadyDecided(AlreadyDecided decided, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "api.problem.changed", locale);
        problem.setProperty("currentStatus", decided.status().name());
        return problem;
    }

    @ExceptionHandler(ApiLimits.Exceeded.class)
    ResponseEntity<ProblemDetail> tooMany(ApiLimits.Exceeded exceeded, Locale locale) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(exceeded.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "api.tooMany", locale));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException mismatch, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "api.problem.rules", locale);
        problem.setProperty("errors", List.of(new FieldError(mismatch.getName(), "typeMismatch",
                messages.getMessage("api.problem.parameter", new Object[] {mismatch.getName()}, locale))));
        return problem;
    }

    /** Spring MVC's own problems (unreadable JSON, wrong media type, …) with the detail in the caller's language. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && statusCode.value() == 400) {
            problem.setDetail(messages.getMessage("api.problem.unreadable", null, request.getLocale()));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private ProblemDetail problem(HttpStatus status, String key, Locale locale) {
        return ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, null, locale));
    }

    /** The message a form shows on the field; a bean-validation template names the constraint's own key. */
    private FieldError fieldError(FieldProblem problem, Locale locale) {
        String code = problem.code();
        if (code.startsWith("{") && code.endsWith("}")) {
            code = code.substring(1, code.length() - 1);
        }
        String constraint = code.startsWith("jakarta.validation.constraints.")
                ? code.replace("jakarta.validation.constraints.", "").replace(".message", "") : code;
        Object[] args = Written.arguments(problem.args(), locale);
        String detail = messages.getMessage(new DefaultMessageSourceResolvable(new String[] {code, constraint}, args,
                code), locale);
        return new FieldError(problem.field(), constraint, detail);
    }

}
