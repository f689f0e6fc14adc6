package org.dealreg.web.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.dealreg.web.UnstoredForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Every error page of the portal, on the one layout, in the reader's language, with the status that happened:
 * HTML for browsers (whatever they accept), JSON only for a client that asks for JSON first (the pre-check).
 * {@code /error} asked for directly is a page that does not exist (404).
 * <p>
 * A failure of the portal itself that Spring MVC turned into a 5xx without it reaching {@link FailureFilter}
 * is logged here, once. A form whose submission could not be stored because the database was away is shown again
 * with what was typed, when its module offers an {@link UnstoredForm}.
 */
@Controller
@RequestMapping("/error")
class ErrorPageController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

    private final ErrorAttributes errorAttributes;
    private final ErrorTexts texts;
    private final List<UnstoredForm> unstoredForms;

    ErrorPageController(ErrorAttributes errorAttributes, ErrorTexts texts, List<UnstoredForm> unstoredForms) {
        this.errorAttributes = errorAttributes;
        this.texts = texts;
        this.unstoredForms = unstoredForms;
    }

    record ErrorPage(int status, String title, String text) {
    }

    @RequestMapping
    Object page(HttpServletRequest request, HttpServletResponse response, Model model) {
        ErrorPage page = describe(request, response);
        if (api(request)) {
            return problem(page);
        }
        model.addAttribute("error", page);
        if (page.status() == 503 && "POST".equals(Failures.method(request))) {
            String view = unstoredForm(request, model);
            if (view != null) {
                return view;
            }
        }
        return "error";
    }

    @RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> json(HttpServletRequest request, HttpServletResponse response) {
        ErrorPage page = describe(request, response);
        if (api(request)) {
            return problem(page);
        }
        return ResponseEntity.status(page.status()).body(Map.of("status", page.status(), "message", page.text()));
    }

    private ErrorPage describe(HttpServletRequest request, HttpServletResponse response) {
        int status = status(request);
        response.setStatus(status);
        if (status == 503) {
            response.setHeader("Retry-After", "30");
        }
        String reference = (String) request.getAttribute(Failures.LOGGED);
        Throwable failure = errorAttributes.getError(new ServletWebRequest(request));
        if (reference == null && failure != null && status >= 500) {
            HttpStatus resolved = HttpStatus.resolve(status);
            reference = Failures.log(request, failure, resolved != null ? resolved : HttpStatus.INTERNAL_SERVER_ERROR);
        }
        Locale locale = WebConfiguration.supported(LocaleContextHolder.getLocale());
        return new ErrorPage(status, texts.title(status, locale), texts.text(status, request, reference, locale));
    }

    /** A request of the API (docs/api.md) gets an RFC 9457 problem document, whatever it accepts, never a page. */
    private static boolean api(HttpServletRequest request) {
        return Failures.path(request).startsWith(request.getContextPath() + "/api/");
    }

    private static ResponseEntity<ProblemDetail> problem(ErrorPage page) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(page.status()), page.text());
        problem.setTitle(page.title());
        return ResponseEntity.status(page.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static int status(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (request.getDispatcherType() != DispatcherType.ERROR || !(status instanceof Integer code) || code < 400) {
            return HttpStatus.NOT_FOUND.value();
        }
        return code;
    }

    /**
     * The module's form with what was typed, and the token the browser sent, so that sending it again works once the
     * database is back (the token is checked then, against the session it belongs to).
     */
    private String unstoredForm(HttpServletRequest request, Model model) {
        String path = Failures.path(request).substring(request.getContextPath().length());
        for (UnstoredForm form : unstoredForms) {
            if (form.submittedTo(path)) {
                try {
                    String token = request.getParameter("_csrf");
                    if (token != null) {
                        CsrfToken sent = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", token);
                        request.setAttribute(CsrfToken.class.getName(), sent);
                        request.setAttribute(sent.getParameterName(), sent);
                    }
                    model.addAttribute("flashError", texts.unstored(WebConfiguration.supported(LocaleContextHolder.getLocale())));
                    return form.show(request, model);
                } catch (RuntimeException unreadable) {
                    log.debug("The unstored form of {} could not be shown again", path, unreadable);
                    return null;
                }
            }
        }
        return null;
    }
}
