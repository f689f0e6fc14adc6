package org.dealreg.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Someone changed a webhook subscription: {@code partnerId} is its company, null for the programme's. Carries ids,
 * the change and the event types only — never the address, which the owner typed, nor a secret.
 */
public record WebhookSubscriptionChanged(UUID subscriptionId, UUID partnerId, Change change, List<String> eventTypes,
        UUID changedBy, Instant at) {

    public enum Change {
        CREATED, SECRET_ROTATED, PAUSED, RESUMED, DELETED, MESSAGE_SENT_AGAIN
    }
}
