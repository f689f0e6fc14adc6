package org.dealreg.webhooks.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.dealreg.crypto.FieldCipher;
import org.dealreg.joining.ApplicationAccepted;
import org.dealreg.joining.ApplicationDeclined;
import org.dealreg.registration.ExtensionDecided;
import org.dealreg.registration.ProtectionEndingSoon;
import org.dealreg.registration.RegistrationClosed;
import org.dealreg.registration.RegistrationDecided;
import org.dealreg.registration.RegistrationExpired;
import org.dealreg.registration.RegistrationSubmitted;
import org.dealreg.shared.Nudged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the outbox: for each event, one message per active subscription that asked for it — the company's own
 * subscriptions and the programme's — in one statement, synchronously in the transaction of the event, so a message
 * exists exactly when what it tells committed. The payload is the Standard Webhooks envelope ({@code type},
 * {@code timestamp}, {@code data}) with plain fields only: ids, receipt, status, codes, amounts in USD, dates — never
 * text a partner typed. It is stored encrypted all the same (docs/webhooks.md). An event no subscription may want
 * ({@link ActiveSubscriptions}, in memory) costs no statement.
 */
@Component
class WebhookOutbox {

    private static final String QUEUE = """
            insert into webhook_message (id, subscription_id, event_type, payload, created_at, next_attempt_at)
            select gen_random_uuid(), s.id, ?, ?, now(), now()
              from webhook_subscription s
             where s.paused_at is null and ?::text = any (s.event_types)
               and (s.partner_id is null or s.partner_id = ?::uuid)""";

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final JsonMapper json;
    private final WebhookSender sender;
    private final ActiveSubscriptions subscribed;

    WebhookOutbox(JdbcTemplate jdbc, FieldCipher cipher, JsonMapper json, WebhookSender sender,
            ActiveSubscriptions subscribed) {
        this.jdbc = jdbc;
        this.subscribed = subscribed;
        this.cipher = cipher;
        this.json = json;
        this.sender = sender;
    }

    @EventListener
    void on(RegistrationSubmitted e) {
        queue(WebhookEventType.REGISTRATION_SUBMITTED, e.partnerId(), e.submittedAt(), data(e.registrationId(),
                e.receiptNumber(), e.partnerId(), "submittedAt", e.submittedAt(), "decisionDueAt", e.decisionDueAt(),
                "amountUsd", e.amountUsd()));
    }

    @EventListener
    void on(RegistrationDecided e) {
        queue(WebhookEventType.REGISTRATION_DECIDED, e.partnerId(), e.at(), data(e.registrationId(), e.receiptNumber(),
                e.partnerId(), "status", e.status().name(), "rejectionReason", e.reason() == null ? null : e.reason().name(),
                "decidedByProgramme", e.actorId() == null, "decidedAt", e.at()));
    }

    @EventListener
    void on(ExtensionDecided e) {
        queue(WebhookEventType.EXTENSION_DECIDED, e.partnerId(), e.at(), data(e.registrationId(), e.receiptNumber(),
                e.partnerId(), "granted", e.granted(), "protectionEndsAt", e.protectionEndsAt(), "decidedAt", e.at()));
    }

    /** The 7-day step of the protection reminders (the 14- and 1-day steps are not webhook events). */
    @EventListener
    void on(ProtectionEndingSoon e) {
        if (e.daysBefore() == 7) {
            queue(WebhookEventType.PROTECTION_ENDING, e.partnerId(), Instant.now(), data(e.registrationId(),
                    e.receiptNumber(), e.partnerId(), "protectionEndsAt", e.protectionEndsAt(), "daysBefore", 7));
        }
    }

    @EventListener
    void on(RegistrationExpired e) {
        queue(WebhookEventType.REGISTRATION_EXPIRED, e.partnerId(), e.at(), data(e.registrationId(), e.receiptNumber(),
                e.partnerId(), "protectionEndedAt", e.protectionEndedAt(), "expiredAt", e.at()));
    }

    @EventListener
    void on(RegistrationClosed e) {
        queue(WebhookEventType.REGISTRATION_CLOSED, e.partnerId(), e.at(), data(e.registrationId(), e.receiptNumber(),
                e.partnerId(), "outcome", e.outcome().name(), "amountUsd", e.amountUsd(), "closedOn",
                e.closedOn() == null ? null : e.closedOn().toString(), "closedAt", e.at()));
    }

    /** Programme subscriptions only (no partner subscription matches a null partner). */
    @EventListener
    void on(ApplicationAccepted e) {
        queue(WebhookEventType.APPLICATION_DECIDED, null, e.at(), application(e.applicationId(), e.partnerId(),
                "ACCEPTED", e.at()));
    }

    /** Without the contact's e-mail address nor the reason: ids, the decision and its time only. */
    @EventListener
    void on(ApplicationDeclined e) {
        queue(WebhookEventType.APPLICATION_DECIDED, null, e.at(), application(e.applicationId(), e.partnerId(),
                "DECLINED", e.at()));
    }

    private void queue(WebhookEventType type, UUID partnerId, Instant at, Map<String, Object> data) {
        if (!subscribed.anyFor(type, partnerId)) {
            return;
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", type.wireName());
        envelope.put("timestamp", at.toString());
        envelope.put("data", data);
        String payload = cipher.encrypt(json.writeValueAsString(envelope));
        int queued = jdbc.update(QUEUE, type.wireName(), payload, type.wireName(), partnerId);
        if (queued > 0) {
            Nudged.afterCommit(sender::nudge);
        }
    }

    private static Map<String, Object> data(UUID registrationId, String receipt, UUID partnerId, Object... more) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("registrationId", registrationId.toString());
        data.put("receiptNumber", receipt);
        data.put("partnerId", partnerId.toString());
        for (int i = 0; i < more.length; i += 2) {
            data.put((String) more[i], plain(more[i + 1]));
        }
        return data;
    }

    private static Map<String, Object> application(UUID applicationId, UUID partnerId, String decision, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicationId", applicationId.toString());
        data.put("partnerId", partnerId == null ? null : partnerId.toString());
        data.put("decision", decision);
        data.put("decidedAt", at.toString());
        return data;
    }

    /** Times as ISO-8601 text, amounts as exact decimal text ("120000.00"), the rest as they are. */
    private static Object plain(Object value) {
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        return value;
    }
}
