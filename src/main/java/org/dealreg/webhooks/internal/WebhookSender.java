package org.dealreg.webhooks.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.dealreg.crypto.FieldCipher;
import org.dealreg.program.ProgrammeChange;
import org.dealreg.shared.DatabaseClock;
import org.dealreg.shared.Nudged;
import org.dealreg.webhooks.WebhookSubscriptionPaused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox, at least once. Due messages are leased in a short transaction ({@code for update skip
 * locked}, their next attempt moved a few minutes ahead so no other node takes them meanwhile), then posted one by
 * one with no transaction held, each attempt recorded with its outcome, answer code and duration. A 2xx answer
 * delivers; anything else (a redirect too: none is followed) is retried as {@link DeliveryPolicy} says. The address is
 * checked again before each post ({@link DeliveryAddressPolicy}). A crash between the receiver's answer and the
 * record sends that message again when its lease ends: receivers de-duplicate on {@code webhook-id}.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 10;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than a batch can take with the timeouts above. */
    static final Duration LEASE = Duration.ofMinutes(5);
    /** A message leaves this long after its commit, with those committed meanwhile. */
    static final Duration GATHERING = Duration.ofMillis(200);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final FieldCipher cipher;
    private final DatabaseClock clock;
    private final ApplicationEventPublisher events;
    private final DeliveryAddressPolicy addresses;
    private final HttpClient http;
    private final Nudged sender;
    private final ProgrammeChange change;

    WebhookSender(JdbcTemplate jdbc, TransactionTemplate transactions, FieldCipher cipher, DatabaseClock clock,
            ApplicationEventPublisher events, ProgrammeChange change,
            @Qualifier("applicationTaskExecutor") Executor background,
            @Value("${dealreg.webhooks.allow-private-addresses:false}") boolean allowPrivateAddresses) {
        this.jdbc = jdbc;
        this.change = change;
        this.transactions = transactions;
        this.cipher = cipher;
        this.clock = clock;
        this.events = events;
        this.addresses = new DeliveryAddressPolicy(allowPrivateAddresses, DeliveryAddressPolicy.DNS);
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.sender = new Nudged(background, () -> deliverDue(null), GATHERING,
                "Delivering webhooks failed; the scheduled sender will retry");
    }

    /** Something was queued and committed: deliver it now rather than at the next scheduled pass (coalesced). */
    void nudge() {
        sender.nudge();
    }

    @Scheduled(fixedDelayString = "${dealreg.jobs.webhooks-every:PT15S}", initialDelayString = "PT20S")
    @SchedulerLock(name = "webhook-outbox", lockAtMostFor = "PT10M")
    void scheduled() {
        deliverDue(null);
    }

    /**
     * Tries every message due at {@code now} (the database's clock when null); answers how many attempts were made.
     */
    int deliverDue(Instant now) {
        int attempts = 0;
        while (true) {
            List<Leased> leased = transactions.execute(status -> lease(now));
            if (leased == null || leased.isEmpty()) {
                return attempts;
            }
            for (Leased message : leased) {
                deliver(message, now == null ? clock.now() : now);
                attempts++;
            }
        }
    }

    private List<Leased> lease(Instant now) {
        Timestamp at = now == null ? null : Timestamp.from(now);
        return jdbc.query("""
                update webhook_message m set next_attempt_at = coalesce(?::timestamptz, now()) + ?::interval
                  from webhook_subscription s
                 where s.id = m.subscription_id
                   and m.id in (select d.id from webhook_message d join webhook_subscription ds on ds.id = d.subscription_id
                                 where d.status = 'PENDING' and ds.paused_at is null
                                   and d.next_attempt_at <= coalesce(?::timestamptz, now())
                                 order by d.next_attempt_at limit ? for update of d skip locked)
                returning m.id, m.subscription_id, m.payload, m.first_attempt_at, m.attempts, s.url, s.secret,
                          s.previous_secret, s.previous_secret_until""",
                (rs, n) -> new Leased(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                        rs.getString("payload"), instant(rs.getTimestamp("first_attempt_at")), rs.getInt("attempts"),
                        rs.getString("url"), rs.getString("secret"), rs.getString("previous_secret"),
                        instant(rs.getTimestamp("previous_secret_until"))),
                at, LEASE.toSeconds() + " seconds", at, BATCH);
    }

    private void deliver(Leased message, Instant at) {
        Outcome outcome;
        Integer code = null;
        long started = System.nanoTime();
        if (addresses.refusal(message.url()).isPresent()) {
            outcome = Outcome.BLOCKED;
        } else {
            try {
                String body = cipher.decrypt(message.payload());
                String id = messageId(message.id());
                long timestamp = Instant.now().getEpochSecond();
                HttpRequest request = HttpRequest.newBuilder(URI.create(message.url()))
                        .timeout(ANSWER_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "dealreg-webhooks")
                        .header("webhook-id", id)
                        .header("webhook-timestamp", Long.toString(timestamp))
                        .header("webhook-signature", WebhookSignature.header(id, timestamp, body, secrets(message, at)))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                code = response.statusCode();
                outcome = code >= 200 && code < 300 ? Outcome.DELIVERED : Outcome.REFUSED;
            } catch (IOException | RuntimeException e) {
                // no answer, or nothing sent (a ciphertext whose key is gone): a failed attempt either way
                outcome = Outcome.NO_ANSWER;
                log.info("Webhook message {} not delivered: {}", message.id(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        int durationMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        Outcome recorded = outcome;
        Integer answered = code;
        transactions.executeWithoutResult(status -> record(message, at, recorded, answered, durationMs));
    }

    /** The current secret, and the previous one while its rotation's grace period lasts. */
    private List<String> secrets(Leased message, Instant at) {
        List<String> secrets = new ArrayList<>();
        secrets.add(cipher.decrypt(message.secret()));
        if (message.previousSecret() != null && message.previousUntil() != null && at.isBefore(message.previousUntil())) {
            secrets.add(cipher.decrypt(message.previousSecret()));
        }
        return secrets;
    }

    /** The message's new state first: a subscription deleted during the post took its messages, and there is no log. */
    private void record(Leased message, Instant at, Outcome outcome, Integer code, int durationMs) {
        Timestamp when = Timestamp.from(at);
        Instant first = message.firstAttemptAt() == null ? at : message.firstAttemptAt();
        Optional<Instant> retry = outcome == Outcome.DELIVERED ? Optional.empty()
                : DeliveryPolicy.retryAt(first, message.attempts() + 1, at);
        int updated = outcome == Outcome.DELIVERED
                ? jdbc.update("update webhook_message set status = 'DELIVERED', delivered_at = ?, attempts = attempts + 1, "
                        + "first_attempt_at = ? where id = ?", when, Timestamp.from(first), message.id())
                : jdbc.update("update webhook_message set status = ?, attempts = attempts + 1, first_attempt_at = ?, "
                        + "next_attempt_at = ? where id = ?", retry.isPresent() ? "PENDING" : "FAILED",
                        Timestamp.from(first), Timestamp.from(retry.orElse(at)), message.id());
        if (updated == 0) {
            return;
        }
        jdbc.update("insert into webhook_attempt (id, message_id, subscription_id, attempted_at, outcome, response_code, "
                + "duration_ms) values (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), message.id(), message.subscriptionId(),
                when, outcome.name(), code, durationMs);
        if (outcome == Outcome.DELIVERED) {
            jdbc.update("update webhook_subscription set failing_since = null where id = ? and failing_since is not null",
                    message.subscriptionId());
            return;
        }
        Instant failingSince = jdbc.queryForObject("update webhook_subscription set failing_since = coalesce(failing_since, ?) "
                + "where id = ? returning failing_since", (rs, n) -> rs.getTimestamp(1).toInstant(), when,
                message.subscriptionId());
        if (DeliveryPolicy.pause(failingSince, at)) {
            List<UUID> partner = jdbc.query("update webhook_subscription set paused_at = ?, paused_because = 'FAILING' "
                    + "where id = ? and paused_at is null returning partner_id",
                    (rs, n) -> rs.getObject(1, UUID.class), when, message.subscriptionId());
            if (!partner.isEmpty()) {
                change.announce(ActiveSubscriptions.TOPIC);
                log.warn("Webhook subscription {} paused: every delivery failed since {}", message.subscriptionId(),
                        failingSince);
                events.publishEvent(new WebhookSubscriptionPaused(message.subscriptionId(), partner.get(0), failingSince, at));
            }
        }
    }

    static String messageId(UUID id) {
        return "msg_" + id;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    enum Outcome {
        DELIVERED, REFUSED, NO_ANSWER, BLOCKED
    }

    private record Leased(UUID id, UUID subscriptionId, String payload, Instant firstAttemptAt, int attempts, String url,
            String secret, String previousSecret, Instant previousUntil) {

        @Override
        public String toString() {
            return "Leased[" + id + "]";
        }
    }
}
