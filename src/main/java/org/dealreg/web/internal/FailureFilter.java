package org.dealreg.web.internal;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.connector.ClientAbortException;
import org.springframework.http.HttpStatus;

/**
 * The outermost filter: every failure that escapes the portal ends here, is logged once ({@link Failures}) and
 * becomes the portal's error page with its status, never Tomcat's.
 * <p>
 * While the error page of a request that could not reach the database is drawn, the session cookie is hidden
 * from everything after this filter: the session lives in the database, so the page would wait for it a second
 * time. The page is drawn as for a visitor; the session itself is untouched and works again when the database is
 * back.
 */
class FailureFilter implements Filter {

    private final String sessionCookie;
    private final FallbackPage fallback;

    FailureFilter(String sessionCookie, FallbackPage fallback) {
        this.sessionCookie = sessionCookie;
        this.fallback = fallback;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        boolean errorPage = request.getDispatcherType() == DispatcherType.ERROR;
        HttpServletRequest passed = errorPage && request.getAttribute(Failures.DATABASE_UNREACHABLE) != null
                ? new WithoutSessionRequest(request, sessionCookie) : request;
        try {
            chain.doFilter(passed, response);
        } catch (ClientAbortException gone) {
            throw gone;
        } catch (IOException | ServletException | RuntimeException failure) {
            if (errorPage) {
                Failures.logErrorPageFailure(request, failure);
            } else {
                Failures.log(request, failure, Failures.statusOf(failure));
            }
            if (response.isCommitted()) {
                // Part of the page is on its way: the connection is cut (PortalErrorReportValve), so that it does not
                // look complete.
                request.setAttribute(Failures.FAILED_AFTER_COMMIT, failure);
                return;
            }
            if (errorPage) {
                fallback.write(request, response, response.getStatus());
                return;
            }
            HttpStatus status = Failures.statusOf(failure);
            if (status == HttpStatus.SERVICE_UNAVAILABLE) {
                request.setAttribute(Failures.DATABASE_UNREACHABLE, Boolean.TRUE);
            }
            // The servlet's own error attribute: the error page then knows not to read a body that failed again.
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
            response.sendError(status.value());
        }
    }
}
