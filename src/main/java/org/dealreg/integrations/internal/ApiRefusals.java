package org.dealreg.integrations.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The API's 401 and 403: the {@code WWW-Authenticate} header RFC 6750 asks for (Spring Security's bearer-token
 * handlers write it), and an RFC 9457 {@code application/problem+json} body saying what to do, in the caller's
 * language ({@code Accept-Language}, English by default).
 */
@Component
class ApiRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final AuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final AccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
    private final MessageSource messages;
    private final JsonMapper json;

    ApiRefusals(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException, ServletException {
        bearer.commence(request, response, refused);
        write(request, response, HttpStatus.UNAUTHORIZED, "api.unauthorized");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException, ServletException {
        denied.handle(request, response, refused);
        write(request, response, HttpStatus.FORBIDDEN, "api.forbidden");
    }

    /** Over a limit (429): when to try again, in seconds, and why. */
    void tooMany(HttpServletRequest request, HttpServletResponse response, ApiLimits.Exceeded exceeded)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(exceeded.retryAfterSeconds()));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "api.tooMany");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(key, null, request.getLocale()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
