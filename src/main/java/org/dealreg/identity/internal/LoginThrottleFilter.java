package org.dealreg.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.dealreg.identity.internal.LoginThrottlePolicy.Go;
import org.dealreg.identity.internal.LoginThrottlePolicy.Verdict;
import org.dealreg.identity.internal.LoginThrottlePolicy.Wait;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every sign-in attempt asks the throttle first. A refused one is not tried at all and goes back to the sign-in page
 * with the seconds to wait (no servlet thread sleeps); the answer is the same whether the account exists or not. An
 * attempt that may go on carries its tokens to {@link #succeeded}, which gives them back when the password was right.
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
        chain.doFilter(request, response);
    }

    /** Called by the success handler of the sign-in form. */
    static void succeeded(LoginThrottle throttle, HttpServletRequest request, String email) {
        if (request.getAttribute(ATTEMPT) instanceof Go go) {
            throttle.succeeded(go, email, request.getRemoteAddr());
        }
    }
}
