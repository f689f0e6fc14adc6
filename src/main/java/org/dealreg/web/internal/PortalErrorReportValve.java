package org.dealreg.web.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Globals;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In place of Tomcat's own error report. Tomcat refuses some requests before it even picks the application that
 * should answer them: a path with {@code %00}, a bad {@code %}-escape or an encoded {@code /}, a broken request
 * line or header. This valve sends those to the portal's error page, in the language the request asks for, the
 * way Tomcat sends the application's own errors there ({@code StandardHostValve}). When the portal's error page
 * itself could not be drawn, it writes the plain {@link FallbackPage}. A request that failed after part of its page
 * was sent has its connection cut.
 */
class PortalErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(PortalErrorReportValve.class);
    private static final String ERROR_PAGE = "/error";

    private final FallbackPage fallback;

    PortalErrorReportValve(FallbackPage fallback) {
        this.fallback = fallback;
    }

    /** A page that failed half-way must not look complete: what was sent goes out, then the connection is cut. */
    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        super.invoke(request, response);
        Object failure = request.getAttribute(Failures.FAILED_AFTER_COMMIT);
        if (failure != null && response.isCommitted()) {
            try {
                response.flushBuffer();
            } catch (IOException gone) {
                // the client has gone already
            }
            response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, failure);
        }
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            Context portal = request.getContext() == null ? portal() : null;
            if (portal != null) {
                forward(request, response, portal, status);
            }
            if (response.getContentWritten() == 0 && !response.isCommitted()) {
                fallback.write(request.getRequest(), response.getResponse(), status);
            }
        } catch (Exception | LinkageError failed) {
            log.warn("The error page for a request Tomcat refused ({}) could not be written", status, failed);
        }
    }

    /** The portal's context (the application at the root of this host). */
    private Context portal() {
        Container[] children = getContainer() == null ? new Container[0] : getContainer().findChildren();
        return Arrays.stream(children).filter(Context.class::isInstance).map(Context.class::cast)
                .filter(c -> "".equals(c.getPath())).findFirst().orElse(null);
    }

    private static void forward(Request request, Response response, Context portal, int status) throws Exception {
        request.getMappingData().context = portal;
        ClassLoader previous = portal.bind(false, null);
        try {
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
            request.setAttribute(RequestDispatcher.ERROR_MESSAGE, Objects.requireNonNullElse(response.getMessage(), ""));
            request.setAttribute(RequestDispatcher.ERROR_METHOD, request.getMethod());
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
            request.setAttribute(Globals.DISPATCHER_REQUEST_PATH_ATTR, ERROR_PAGE);
            request.setAttribute(Globals.DISPATCHER_TYPE_ATTR, DispatcherType.ERROR);
            response.setAppCommitted(false);
            response.resetBuffer(true);
            response.setContentLength(-1);
            RequestDispatcher page = portal.getServletContext().getRequestDispatcher(ERROR_PAGE);
            page.forward(request.getRequest(), response.getResponse());
            response.setSuspended(false);
            response.finishResponse();
        } finally {
            portal.unbind(false, previous);
        }
    }
}
