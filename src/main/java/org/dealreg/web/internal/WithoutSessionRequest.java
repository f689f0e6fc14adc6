package org.dealreg.web.internal;

import java.util.Arrays;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request as Spring Session should see it when it must not read the database: without the session cookie, and
 * without a session created or loaded earlier in the same request. The browser keeps its cookie.
 */
final class WithoutSessionRequest extends HttpServletRequestWrapper {

    private final String sessionCookie;

    WithoutSessionRequest(HttpServletRequest request, String sessionCookie) {
        super(request);
        this.sessionCookie = sessionCookie;
    }

    @Override
    public Cookie[] getCookies() {
        Cookie[] cookies = super.getCookies();
        return cookies == null ? null
                : Arrays.stream(cookies).filter(c -> !c.getName().equals(sessionCookie)).toArray(Cookie[]::new);
    }

    @Override
    public Object getAttribute(String name) {
        return SessionSaveGuard.CURRENT_SESSION.equals(name) ? null : super.getAttribute(name);
    }
}
