package org.dealreg.audit.internal;

import org.dealreg.webhooks.WebhookSubscriptionChanged;
import org.dealreg.webhooks.WebhookSubscriptionPaused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Webhook subscriptions in the trail: who created, rotated, paused, resumed or deleted one, who sent a message again,
 * and the programme pausing one that failed for 24 hours. Ids and event types only — never the address nor a secret.
 */
@Component
class WebhookAuditListeners {

    private final AuditTrail trail;

    WebhookAuditListeners(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(WebhookSubscriptionChanged e) {
        trail.append(e.changedBy(), "", "WEBHOOK_" + e.change(), "webhook", e.subscriptionId().toString(),
                owner(e.partnerId()) + " events=" + String.join(",", e.eventTypes()));
    }

    @EventListener
    void on(WebhookSubscriptionPaused e) {
        trail.append(null, "", "WEBHOOK_PAUSED_FAILING", "webhook", e.subscriptionId().toString(),
                owner(e.partnerId()) + " failingSince=" + e.failingSince() + " by=programme");
    }

    private static String owner(java.util.UUID partnerId) {
        return partnerId == null ? "owner=programme" : "partner=" + partnerId;
    }
}
