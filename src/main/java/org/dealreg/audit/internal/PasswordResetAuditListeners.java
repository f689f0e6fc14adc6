package org.dealreg.audit.internal;

import org.dealreg.identity.PasswordResetCompleted;
import org.dealreg.identity.PasswordResetRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "Forgot your password?" in the trail: a link issued to a user, and a password changed through one with the number of
 * sessions that ended. Ids and times only — never the e-mail or the token. A request for an address that is no
 * account's issues nothing, so it leaves no row.
 */
@Component
class PasswordResetAuditListeners {

    private final AuditTrail trail;

    PasswordResetAuditListeners(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(PasswordResetRequested e) {
        trail.append(null, "", "PASSWORD_RESET_REQUESTED", "user", e.userId().toString(),
                "partner=" + e.partnerId() + " expiresAt=" + e.expiresAt());
    }

    @EventListener
    void on(PasswordResetCompleted e) {
        trail.append(e.userId(), "", "PASSWORD_RESET", "user", e.userId().toString(),
                "partner=" + e.partnerId() + " sessionsEnded=" + e.sessionsEnded());
    }
}
