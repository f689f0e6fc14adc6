package org.dealreg.web.internal;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Just inside Spring Session's filter. Spring Session saves a new session when the response is committed and again
 * on its way out; when the first save found the database unreachable, the second would wait for it as long again.
 * A request that failed for want of the database therefore forgets its session before Spring Session sees it
 * again: it was never stored, and the browser keeps the session cookie it had.
 */
class SessionSaveGuard implements Filter {

    /** Where Spring Session keeps the session it created or loaded during the request. */
    static final String CURRENT_SESSION = SessionRepositoryFilter.SESSION_REPOSITORY_ATTR + ".CURRENT_SESSION";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (Failures.databaseUnreachable(failure)) {
                request.removeAttribute(CURRENT_SESSION);
            }
            throw failure;
        }
    }
}
