package org.dealreg.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * Every delivery of a subscription failed for {@code failingSince} to {@code at} (24 hours): it is paused until its
 * owner resumes it. {@code partnerId} is its company (its admins are told), null for the programme's (the programme
 * admins are told).
 */
public record WebhookSubscriptionPaused(UUID subscriptionId, UUID partnerId, Instant failingSince, Instant at) {
}
