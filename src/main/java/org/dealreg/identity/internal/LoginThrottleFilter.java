package org.dealreg.identity.internal;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.dealreg.identity.internal.LoginThrottlePolicy.Go;
import org.dealreg.identity.internal.LoginThrottlePolicy.Verdict;
import org.dealreg.identity.internal.LoginThrottlePolicy.Wait;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every sign-in attempt asks the throttle first. A refused one is not tried at all and goes back to the sign-in page
 * with the seconds to wait (no servlet thread sleeps); the answer is the same whether the account exists or not. An
 * attempt that may go on carries its tokens to {@link #succeeded}, which gives them back when the password was right.
 * Every attempt counts, including one with a control character in the e-mail or the password.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final String ATTEMPT = LoginThrottleFilter.class.getName() + ".attempt";

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Verdict verdict = throttle.signIn(request.getParameter("email"), request.getRemoteAddr());
        if (verdict instanceof Wait wait) {
            response.sendRedirect(request.getContextPath() + "/login?retry=" + wait.seconds());
            return;
        }
        request.setAttribute(ATTEMPT, verdict);
        chain.doFilter(LoginKeys.hasControlCharacters(request.getParameter("email")) ? new UnreadableEmail(request) : request,
                response);
    }

    /**
     * A control character (a NUL byte, say) in the e-mail becomes U+FFFD, the mark of a character that cannot be read.
     * Spring Security trims the e-mail, which would quietly drop one at either end; this way such an e-mail matches
     * no account and gets the ordinary wrong-password answer (and a row in the audit trail), and no NUL byte reaches
     * PostgreSQL.
     */
    private static final class UnreadableEmail extends HttpServletRequestWrapper {

        /** What {@link Character#isISOControl} calls a control character. */
        private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F]");

        UnreadableEmail(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            String value = super.getParameter(name);
            return "email".equals(name) && value != null ? CONTROL.matcher(value).replaceAll("\uFFFD") : value;
        }
    }

    /** Called by the success handler of the sign-in form. */
    static void succeeded(LoginThrottle throttle, HttpServletRequest request, String email) {
        if (request.getAttribute(ATTEMPT) instanceof Go go) {
            throttle.succeeded(go, email, request.getRemoteAddr());
        }
    }
}
