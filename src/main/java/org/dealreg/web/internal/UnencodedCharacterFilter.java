package org.dealreg.web.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (400) an address holding a character that a browser always encodes ({@code " < > [ \ ] ^ ` { | }}).
 * Tomcat would refuse it before the portal sees it, with its own page and before reading the headers that say the
 * reader's language; it is told to let them through ({@code server.tomcat.relaxed-path-chars} and
 * {@code relaxed-query-chars}) so that the refusal is the portal's page.
 */
class UnencodedCharacterFilter extends OncePerRequestFilter {

    static final String REFUSED = "\"<>[\\]^`{|}";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (holdsRefused(request.getRequestURI()) || holdsRefused(request.getQueryString())) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean holdsRefused(String raw) {
        if (raw == null) {
            return false;
        }
        for (int i = 0; i < raw.length(); i++) {
            if (REFUSED.indexOf(raw.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
