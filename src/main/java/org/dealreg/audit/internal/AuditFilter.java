package org.dealreg.audit.internal;

import java.time.LocalDate;

/**
 * What the audit page is narrowed to, all optional and kept in the URL: who (an e-mail address), what kind (an action),
 * on what (a receipt number, or the id of a registration, partner, user or anything else), and the days (in the
 * reader's time zone, both included).
 */
public record AuditFilter(String who, String action, String subject, LocalDate from, LocalDate to) {

    static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

    public boolean any() {
        return who != null || action != null || subject != null || from != null || to != null;
    }

    /** Blank text is no filter; an action that is not one the trail records is ignored. */
    AuditFilter cleaned() {
        return new AuditFilter(blankToNull(who), action != null && AuditActions.KNOWN.contains(action) ? action : null,
                blankToNull(subject), from, to);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
