package org.dealreg.web.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.coyote.BadRequestException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * What a failed request means, and the one place it is logged. A request the portal cannot read (a form Tomcat
 * cannot decode, a body over its limit) is the sender's fault and is not logged as an error; a database that
 * cannot be reached is an outage, logged as one line per request (a stack trace per request would bury the log);
 * anything else is unexpected and is logged once, with its stack trace and a reference the error page shows.
 */
final class Failures {

    /** Request attribute: the reference of a failure already logged for this request. */
    static final String LOGGED = Failures.class.getName() + ".logged";
    /** Request attribute: the request failed because the database could not be reached. */
    static final String DATABASE_UNREACHABLE = Failures.class.getName() + ".databaseUnreachable";

    /** Request attribute: the request failed after part of its answer was sent. */
    static final String FAILED_AFTER_COMMIT = Failures.class.getName() + ".failedAfterCommit";

    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    /** The status a failure answers with; a size limit wins over the unreadable upload it caused. */
    static HttpStatus statusOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidParameterException invalid) {
                return HttpStatus.valueOf(invalid.getErrorCode());
            }
            if (t instanceof MaxUploadSizeExceededException) {
                return HttpStatus.PAYLOAD_TOO_LARGE;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MultipartException || t instanceof BadRequestException) {
                return HttpStatus.BAD_REQUEST;
            }
        }
        return databaseUnreachable(failure) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /** What Hikari says when a connection it has closed (after it broke) is used again; it gives no SQL state. */
    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    /**
     * No connection could be had (the pool's wait ran out, the server refused or dropped it), or the server said it
     * is shutting down or starting up (SQL states 08xxx and 57P0x).
     */
    static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            // A connection that broke mid-request is closed by the pool; the rollback that follows fails on it,
            // and that failure (no SQL state) is what reaches us, the broken pipe before it being lost.
            if (t instanceof SQLException sql && sql.getSQLState() == null
                    && HIKARI_CLOSED_CONNECTION.equals(sql.getMessage())) {
                return true;
            }
            if (t instanceof java.net.SocketException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Logs a failure that ends a request, once, and answers its reference (null for the sender's own faults, which
     * are not logged).
     */
    static String log(HttpServletRequest request, Throwable failure, HttpStatus status) {
        Object logged = request.getAttribute(LOGGED);
        if (logged != null) {
            return (String) logged;
        }
        if (status.is4xxClientError()) {
            log.debug("{} {} refused with {}: {}", method(request), path(request), status.value(), failure.toString());
            return null;
        }
        String reference = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            log.warn("[{}] {} {} answered 503: the database cannot be reached ({})", reference, method(request),
                    path(request), rootCause(failure));
            log.debug("[{}] where the database was missed", reference, unwrapped(failure));
        } else {
            log.error("[{}] {} {} failed unexpectedly", reference, method(request), path(request), unwrapped(failure));
        }
        request.setAttribute(LOGGED, reference);
        return reference;
    }

    /** The portal's own error page could not be drawn: always a defect, whatever was logged before. */
    static void logErrorPageFailure(HttpServletRequest request, Throwable failure) {
        log.error("The error page of {} {} (status {}) failed", method(request), path(request),
                request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE), failure);
    }

    /** The path the browser asked for, also while its error page is drawn. */
    static String path(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return original != null ? original.toString() : request.getRequestURI();
    }

    /** The method the browser used (an error page is drawn by a GET). */
    static String method(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_METHOD);
        return original != null ? original.toString() : request.getMethod();
    }

    /** Spring MVC wraps what a controller threw in "Request processing failed"; the log shows what was thrown. */
    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof ServletException wrapper && wrapper.getCause() != null ? wrapper.getCause() : failure;
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
