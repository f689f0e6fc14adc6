package org.dealreg.notifications.internal;

import org.dealreg.identity.Role;
import org.dealreg.identity.UserAccounts;
import org.dealreg.webhooks.WebhookSubscriptionPaused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A webhook subscription paused after 24 hours of failed deliveries: its owners are told, in the portal and by
 * e-mail — a partner company's admins, or the programme admins for the programme's. Synchronous, in the transaction
 * that paused it.
 */
@Component
class WebhookNotifications {

    private final Notifier notifier;
    private final UserAccounts users;

    WebhookNotifications(Notifier notifier, UserAccounts users) {
        this.notifier = notifier;
        this.users = users;
    }

    @EventListener
    void on(WebhookSubscriptionPaused e) {
        notifier.tell(e.partnerId() == null ? users.withRole(Role.PROGRAM_ADMIN) : users.partnerAdmins(e.partnerId()),
                "webhooks.paused", "/webhooks/" + e.subscriptionId(), e.failingSince(), e.at());
    }
}
