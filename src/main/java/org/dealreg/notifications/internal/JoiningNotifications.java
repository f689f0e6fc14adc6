package org.dealreg.notifications.internal;

import org.dealreg.identity.InvitationIssued;
import org.dealreg.identity.Role;
import org.dealreg.identity.UserAccounts;
import org.dealreg.joining.ApplicationDeclined;
import org.dealreg.joining.ApplicationReceived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Joining: every channel manager hears of a new application; an invited user gets their link by e-mail only (it is
 * theirs alone and they cannot sign in yet, so it is not kept as a portal message); a declined applicant, who has no
 * account, gets the reason by e-mail. Synchronous, in the transaction of the event, like the other listeners.
 */
@Component
class JoiningNotifications {

    private final Notifier notifier;
    private final UserAccounts users;

    JoiningNotifications(Notifier notifier, UserAccounts users) {
        this.notifier = notifier;
        this.users = users;
    }

    @EventListener
    void on(ApplicationReceived e) {
        notifier.tell(users.withRole(Role.CHANNEL_MANAGER), "joining.received", "/partners/applications/" + e.applicationId(),
                e.country(), e.submittedAt());
    }

    @EventListener
    void on(InvitationIssued e) {
        notifier.mail(e.email(), e.locale(), e.zone(), "joining.mail.invitation", "/invitations/" + e.token(),
                e.email(), e.expiresAt());
    }

    @EventListener
    void on(ApplicationDeclined e) {
        notifier.mail(e.contactEmail(), e.locale(), e.zone(), "joining.mail.declined", "/apply", e.reason());
    }
}
