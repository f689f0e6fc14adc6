package org.dealreg.webhooks.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a subscription may ask for, by the name its payload's {@code type} carries. A partner company's subscription
 * may ask for the registration events (of its own registrations); the programme's for all of them.
 */
enum WebhookEventType {

    REGISTRATION_SUBMITTED("registration.submitted", true),
    REGISTRATION_DECIDED("registration.decided", true),
    EXTENSION_DECIDED("registration.extension_decided", true),
    PROTECTION_ENDING("registration.expiring_in_7_days", true),
    REGISTRATION_EXPIRED("registration.expired", true),
    REGISTRATION_CLOSED("registration.closed", true),
    APPLICATION_DECIDED("application.decided", false);

    private final String wireName;
    private final boolean forPartners;

    WebhookEventType(String wireName, boolean forPartners) {
        this.wireName = wireName;
        this.forPartners = forPartners;
    }

    String wireName() {
        return wireName;
    }

    /** The types a subscription of this owner may choose: a partner company's, or the programme's when null. */
    static List<WebhookEventType> choosable(boolean partner) {
        return Arrays.stream(values()).filter(t -> !partner || t.forPartners).toList();
    }

    static Optional<WebhookEventType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
