package org.dealreg.webhooks.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.dealreg.program.WholeSnapshot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which owners have an active subscription to which event type, in memory on every node and kept current like the
 * programme settings ({@link org.dealreg.program.ProgrammeSnapshot}, docs/settings.md): every change of a
 * subscription announces {@link #TOPIC}. An event nobody subscribed to then costs its transaction no statement (a
 * submission has a budget of 15); one somebody did costs the one insert of the outbox, which checks the subscriptions
 * again itself, so a copy that still lists a paused or deleted subscription queues nothing for it.
 */
@Component
class ActiveSubscriptions extends WholeSnapshot<Set<String>> {

    static final String TOPIC = "webhooks";
    private static final String PROGRAMME = "programme";

    private final JdbcTemplate jdbc;

    ActiveSubscriptions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    /** Whether a subscription of the company, or of the programme, may want this event. */
    boolean anyFor(WebhookEventType type, UUID partnerId) {
        Set<String> active = now();
        return active.contains(key(type.wireName(), PROGRAMME))
                || partnerId != null && active.contains(key(type.wireName(), partnerId.toString()));
    }

    @Override
    protected Set<String> read() {
        Set<String> keys = new HashSet<>();
        jdbc.query("select distinct t.type, coalesce(s.partner_id::text, ?) as owner from webhook_subscription s "
                + "cross join unnest(s.event_types) as t(type) where s.paused_at is null",
                row -> {
                    keys.add(key(row.getString("type"), row.getString("owner")));
                }, PROGRAMME);
        return Set.copyOf(keys);
    }

    private static String key(String type, String owner) {
        return type + " " + owner;
    }
}
