package org.dealreg.web.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Style sheets, scripts and images are served without the session: they need nothing from it, and reading it means
 * reading the database (Spring MVC looks for flash attributes on every request). So they load while the database
 * is away, the 503 page's own style sheets among them, and cost no query when it is there.
 */
class StaticFilesWithoutSession extends OncePerRequestFilter {

    private static final List<String> STATIC = List.of("/css/", "/js/", "/webjars/", "/images/");

    private final String sessionCookie;

    StaticFilesWithoutSession(String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath();
        boolean staticFile = path.equals("/favicon.ico") || path.equals("/robots.txt") || STATIC.stream().anyMatch(path::startsWith);
        chain.doFilter(staticFile ? new WithoutSessionRequest(request, sessionCookie) : request, response);
    }
}
