package org.dealreg.notifications.internal;

import org.dealreg.identity.PasswordResetRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "Forgot your password?": the link goes by e-mail only, in the user's language, through the outbox like every other
 * e-mail. It is theirs alone, so it is not kept as a portal message.
 */
@Component
class PasswordResetNotifications {

    private final Notifier notifier;

    PasswordResetNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    @EventListener
    void on(PasswordResetRequested e) {
        notifier.mail(e.email(), e.locale(), e.zone(), "signin.mail.reset", "/password-reset/" + e.token(), e.email(),
                e.expiresAt());
    }
}
