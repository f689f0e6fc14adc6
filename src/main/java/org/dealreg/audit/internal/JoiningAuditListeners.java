package org.dealreg.audit.internal;

import org.dealreg.identity.InvitationIssued;
import org.dealreg.identity.PasswordSet;
import org.dealreg.identity.UserAccessChanged;
import org.dealreg.joining.ApplicationAccepted;
import org.dealreg.joining.ApplicationDeclined;
import org.dealreg.joining.ApplicationReceived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Joining and partner users in the trail: applications and their decisions, invitations, passwords set through them,
 * deactivations and reactivations. Ids and times only — no name, e-mail, token or reason.
 */
@Component
class JoiningAuditListeners {

    private final AuditTrail trail;

    JoiningAuditListeners(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(ApplicationReceived e) {
        trail.append(null, "", "APPLICATION_RECEIVED", "application", e.applicationId().toString(),
                "partner=" + e.partnerId() + " country=" + e.country());
    }

    @EventListener
    void on(ApplicationAccepted e) {
        trail.append(e.acceptedBy(), "", "APPLICATION_ACCEPTED", "application", e.applicationId().toString(),
                "partner=" + e.partnerId() + " admin=" + e.adminUserId());
    }

    @EventListener
    void on(ApplicationDeclined e) {
        trail.append(e.declinedBy(), "", "APPLICATION_DECLINED", "application", e.applicationId().toString(),
                "partner=" + e.partnerId());
    }

    @EventListener
    void on(InvitationIssued e) {
        trail.append(e.invitedBy(), "", "USER_INVITED", "user", e.userId().toString(),
                "partner=" + e.partnerId() + " expiresAt=" + e.expiresAt());
    }

    @EventListener
    void on(PasswordSet e) {
        trail.append(e.userId(), "", "PASSWORD_SET", "user", e.userId().toString(), "partner=" + e.partnerId());
    }

    @EventListener
    void on(UserAccessChanged e) {
        trail.append(e.changedBy(), "", e.active() ? "USER_REACTIVATED" : "USER_DEACTIVATED", "user",
                e.userId().toString(), "partner=" + e.partnerId());
    }
}
