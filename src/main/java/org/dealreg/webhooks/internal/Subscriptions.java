package org.dealreg.webhooks.internal;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.dealreg.crypto.FieldCipher;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.program.ProgrammeChange;
import org.dealreg.shared.DatabaseClock;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.RulesBroken;
import org.dealreg.webhooks.WebhookSubscriptionChanged;
import org.dealreg.webhooks.WebhookSubscriptionChanged.Change;
import org.dealreg.shared.Nudged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner admin's subscriptions for their company, a programme admin's for the programme. Every query names the
 * owner ({@code partner_id is not distinct from ?}), so another company's subscription is not found (a 404). Every
 * change publishes {@link WebhookSubscriptionChanged} for the audit trail.
 */
@Service
class Subscriptions {

    /** Whose subscriptions: a partner company's, or the programme's when {@code partnerId} is null. */
    record Owner(UUID partnerId, UUID userId) {

        static Owner of(CurrentUser user) {
            if (user.role() == Role.PARTNER_ADMIN && user.partnerId() != null) {
                return new Owner(user.partnerId(), user.id());
            }
            if (user.role() == Role.PROGRAM_ADMIN) {
                return new Owner(null, user.id());
            }
            throw new NotFound("Webhooks");
        }

        boolean partner() {
            return partnerId != null;
        }
    }

    enum State {
        ACTIVE, PAUSED, PAUSED_FAILING
    }

    record Subscription(UUID id, String url, List<String> eventTypes, State state, Instant createdAt,
            Instant previousSecretUntil) {
    }

    /** What the owner sees once: the secret of a new subscription, or the new one of a rotation. */
    record Secret(UUID subscriptionId, String value) {

        @Override
        public String toString() {
            return "Secret[" + subscriptionId + "]";
        }
    }

    record Attempt(UUID messageId, String eventType, Instant attemptedAt, String outcome, Integer responseCode,
            int durationMs, String messageStatus) {
    }

    static final int MOST_SUBSCRIPTIONS = 10;
    static final int LOG_LENGTH = 50;
    /** After a rotation, deliveries are signed with the old secret too for this long. */
    static final Duration ROTATION_GRACE = Duration.ofHours(24);

    private static final String COLUMNS = "id, url, event_types, paused_at, paused_because, created_at, "
            + "previous_secret_until";

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final DatabaseClock clock;
    private final ApplicationEventPublisher events;
    private final WebhookSender sender;
    private final DeliveryAddressPolicy addresses;
    private final ProgrammeChange change;

    Subscriptions(JdbcTemplate jdbc, FieldCipher cipher, DatabaseClock clock, ApplicationEventPublisher events,
            WebhookSender sender, ProgrammeChange change,
            @Value("${dealreg.webhooks.allow-private-addresses:false}") boolean allowPrivateAddresses) {
        this.jdbc = jdbc;
        this.change = change;
        this.cipher = cipher;
        this.clock = clock;
        this.events = events;
        this.sender = sender;
        this.addresses = new DeliveryAddressPolicy(allowPrivateAddresses, DeliveryAddressPolicy.DNS);
    }

    @Transactional(readOnly = true)
    public List<Subscription> list(Owner owner) {
        return jdbc.query("select " + COLUMNS + " from webhook_subscription where partner_id is not distinct from ?::uuid "
                + "order by created_at", SUBSCRIPTION, owner.partnerId());
    }

    @Transactional(readOnly = true)
    public Subscription get(Owner owner, UUID id) {
        return jdbc.query("select " + COLUMNS + " from webhook_subscription where id = ? and partner_id is not distinct "
                + "from ?::uuid", SUBSCRIPTION, id, owner.partnerId()).stream().findFirst()
                .orElseThrow(() -> new NotFound("Webhook subscription"));
    }

    /**
     * @throws RulesBroken when the address or the events are refused, or the owner has as many subscriptions as
     *                     allowed: nothing is stored
     */
    @Transactional
    public Secret create(Owner owner, String url, List<String> eventTypes) {
        List<String> types = checkedTypes(owner, eventTypes);
        String address = url == null ? "" : url.strip();
        addresses.refusal(address).ifPresent(code -> {
            throw RulesBroken.on("url", code);
        });
        // one owner's creations are serialised, so two at once cannot both pass the count
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext('webhooks:' || coalesce(?::text, 'programme')))",
                owner.partnerId());
        Long existing = jdbc.queryForObject("select count(*) from webhook_subscription where partner_id is not distinct "
                + "from ?::uuid", Long.class, owner.partnerId());
        if (existing != null && existing >= MOST_SUBSCRIPTIONS) {
            throw RulesBroken.on("url", "webhooks.limit");
        }
        UUID id = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        Instant now = clock.now();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into webhook_subscription (id, partner_id, url, event_types, secret, "
                    + "created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)");
            Array array = con.createArrayOf("text", types.toArray());
            ps.setObject(1, id);
            ps.setObject(2, owner.partnerId());
            ps.setString(3, address);
            ps.setArray(4, array);
            ps.setString(5, cipher.encrypt(secret));
            ps.setObject(6, owner.userId());
            ps.setTimestamp(7, Timestamp.from(now));
            return ps;
        });
        changed(owner, id, Change.CREATED, types, now);
        return new Secret(id, secret);
    }

    /** A new secret; the old one keeps signing too for {@link #ROTATION_GRACE}. */
    @Transactional
    public Secret rotate(Owner owner, UUID id) {
        Subscription subscription = get(owner, id);
        String secret = WebhookSignature.newSecret();
        Instant now = clock.now();
        jdbc.update("update webhook_subscription set previous_secret = secret, previous_secret_until = ?, secret = ? "
                + "where id = ?", Timestamp.from(now.plus(ROTATION_GRACE)), cipher.encrypt(secret), id);
        changed(owner, id, Change.SECRET_ROTATED, subscription.eventTypes(), now);
        return new Secret(id, secret);
    }

    /** Nothing new is queued for a paused subscription, and what waits is not sent until it is resumed. */
    @Transactional
    public void pause(Owner owner, UUID id) {
        Subscription subscription = get(owner, id);
        if (subscription.state() == State.ACTIVE) {
            Instant now = clock.now();
            jdbc.update("update webhook_subscription set paused_at = ?, paused_because = 'OWNER' where id = ?",
                    Timestamp.from(now), id);
            changed(owner, id, Change.PAUSED, subscription.eventTypes(), now);
        }
    }

    /** What waits is sent again at once; the 24 hours before a pause for failures start again. */
    @Transactional
    public void resume(Owner owner, UUID id) {
        Subscription subscription = get(owner, id);
        if (subscription.state() != State.ACTIVE) {
            Instant now = clock.now();
            jdbc.update("update webhook_subscription set paused_at = null, paused_because = null, failing_since = null "
                    + "where id = ?", id);
            changed(owner, id, Change.RESUMED, subscription.eventTypes(), now);
            Nudged.afterCommit(sender::nudge);
        }
    }

    /** The subscription, its waiting messages and its log are deleted. */
    @Transactional
    public void delete(Owner owner, UUID id) {
        Subscription subscription = get(owner, id);
        jdbc.update("delete from webhook_subscription where id = ?", id);
        changed(owner, id, Change.DELETED, subscription.eventTypes(), clock.now());
    }

    /** A subscription with its delivery log. */
    record Detail(Subscription subscription, List<Attempt> attempts) {
    }

    /** The subscription and its latest {@link #LOG_LENGTH} attempts, newest first. */
    @Transactional(readOnly = true)
    public Detail detail(Owner owner, UUID id) {
        Subscription subscription = get(owner, id);
        return new Detail(subscription, jdbc.query("""
                select a.message_id, m.event_type, a.attempted_at, a.outcome, a.response_code, a.duration_ms, m.status
                  from webhook_attempt a join webhook_message m on m.id = a.message_id
                 where a.subscription_id = ?
                 order by a.attempted_at desc, a.id limit ?""",
                (rs, n) -> new Attempt(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), (Integer) rs.getObject(5), rs.getInt(6), rs.getString(7)),
                id, LOG_LENGTH));
    }

    /**
     * Queues the message again, as it was (same {@code webhook-id}, so a receiver that already has it can tell), with
     * a new 24 hours of attempts.
     */
    @Transactional
    public void sendAgain(Owner owner, UUID id, UUID messageId) {
        Subscription subscription = get(owner, id);
        int queued = jdbc.update("update webhook_message set status = 'PENDING', attempts = 0, first_attempt_at = null, "
                + "delivered_at = null, next_attempt_at = now() where id = ? and subscription_id = ?", messageId, id);
        if (queued == 0) {
            throw new NotFound("Webhook message");
        }
        changed(owner, id, Change.MESSAGE_SENT_AGAIN, subscription.eventTypes(), clock.now());
        Nudged.afterCommit(sender::nudge);
    }

    private List<String> checkedTypes(Owner owner, List<String> chosen) {
        if (chosen == null || chosen.isEmpty()) {
            throw RulesBroken.on("events", "webhooks.events.required");
        }
        List<WebhookEventType> allowed = WebhookEventType.choosable(owner.partner());
        List<WebhookEventType> types = chosen.stream().distinct()
                .map(name -> WebhookEventType.byWireName(name).filter(allowed::contains)
                        .orElseThrow(() -> RulesBroken.on("events", "webhooks.events.invalid")))
                .toList();
        return allowed.stream().filter(types::contains).map(WebhookEventType::wireName).toList();
    }

    /** For the trail; and every node's {@link ActiveSubscriptions} catches up once this commits. */
    private void changed(Owner owner, UUID id, Change what, List<String> types, Instant at) {
        events.publishEvent(new WebhookSubscriptionChanged(id, owner.partnerId(), what, types, owner.userId(), at));
        if (what != Change.SECRET_ROTATED && what != Change.MESSAGE_SENT_AGAIN) {
            change.announce(ActiveSubscriptions.TOPIC);
        }
    }


    private static final RowMapper<Subscription> SUBSCRIPTION = (rs, n) -> {
        Timestamp paused = rs.getTimestamp("paused_at");
        Timestamp previousUntil = rs.getTimestamp("previous_secret_until");
        State state = paused == null ? State.ACTIVE
                : "FAILING".equals(rs.getString("paused_because")) ? State.PAUSED_FAILING : State.PAUSED;
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("url"),
                List.of((String[]) rs.getArray("event_types").getArray()), state,
                rs.getTimestamp("created_at").toInstant(), previousUntil == null ? null : previousUntil.toInstant());
    };
}
