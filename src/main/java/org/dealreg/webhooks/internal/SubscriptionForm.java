package org.dealreg.webhooks.internal;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new subscription: the address and the event types (their wire names, checked against those the owner may
 * choose). No owner field: a subscription belongs to the signed-in admin's company, or to the programme.
 */
public record SubscriptionForm(@NotBlank @Size(max = 2000) String url, List<String> events) {

    static SubscriptionForm empty() {
        return new SubscriptionForm("https://", List.of());
    }
}
