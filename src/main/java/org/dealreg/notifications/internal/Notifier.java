package org.dealreg.notifications.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.dealreg.shared.PortalAddress;
import org.dealreg.shared.Written;
import org.dealreg.identity.UserAccounts.UserSummary;
import org.dealreg.shared.Nudged;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells users something: one notification per recipient, in the portal and queued as an e-mail, both in the
 * caller's transaction (so nothing is told of an action that rolled back, and nothing is lost when the mail
 * server is down), every message of one call in one statement. After commit the sender is nudged, so the e-mail
 * usually leaves within a second; the scheduled sender retries what could not be sent.
 */
@Service
class Notifier {

    /** What to tell whom: the message keys {@code notify.<kind>.subject} and {@code .body}, with their arguments. */
    record Message(Collection<UserSummary> recipients, String kind, String link, Object... args) {
    }

    private static final String TELL = """
            with told as (
                insert into notification (id, user_id, created_at, kind, subject, body, link)
                select id, user_id, portal_now(), kind, subject, body, link
                  from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])
                       as t(id, user_id, kind, subject, body, link)
                returning id)
            insert into mail_outbox (id, notification_id, to_address, subject, body, created_at, next_attempt_at)
            select gen_random_uuid(), m.id, m.to_address, m.subject, m.body, portal_now(), now()
              from unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) as m(id, to_address, subject, body)""";

    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final OutboxSender sender;
    private final PortalAddress address;

    Notifier(JdbcTemplate jdbc, MessageSource messages, OutboxSender sender, PortalAddress address) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.sender = sender;
        this.address = address;
    }

    /** Every unread notification pointing at {@code link} is read: what it asked for is done. */
    void settled(String link) {
        jdbc.update("update notification set read_at = portal_now() where link = ? and read_at is null", link);
    }

    /**
     * @param kind the message keys {@code notify.<kind>.subject} and {@code notify.<kind>.body}; their arguments are
     *             {@code args}, where an {@link Instant} is shown in the recipient's zone and language, and a
     *             {@link BigDecimal} is an amount in US dollars written the recipient's way
     */
    @Transactional
    public void tell(Collection<UserSummary> recipients, String kind, String link, Object... args) {
        tell(List.of(new Message(recipients, kind, link, args)));
    }

    /** Several messages, all stored in one statement. */
    @Transactional
    public void tell(List<Message> toTell) {
        List<UUID> ids = new ArrayList<>();
        List<UUID> userIds = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<String> toAddresses = new ArrayList<>();
        List<String> mailBodies = new ArrayList<>();
        for (Message message : toTell) {
            for (UserSummary to : message.recipients()) {
                Object[] shown = shown(message.args(), to.locale(), to.zone());
                String body = messages.getMessage("notify." + message.kind() + ".body", shown, to.locale());
                ids.add(UUID.randomUUID());
                userIds.add(to.id());
                kinds.add(message.kind());
                subjects.add(messages.getMessage("notify." + message.kind() + ".subject", shown, to.locale()));
                bodies.add(body);
                links.add(message.link());
                toAddresses.add(to.email());
                mailBodies.add(withFooter(body, message.link(), to.locale()));
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(TELL);
            Array id = con.createArrayOf("uuid", ids.toArray());
            Array subject = con.createArrayOf("text", subjects.toArray());
            ps.setArray(1, id);
            ps.setArray(2, con.createArrayOf("uuid", userIds.toArray()));
            ps.setArray(3, con.createArrayOf("text", kinds.toArray()));
            ps.setArray(4, subject);
            ps.setArray(5, con.createArrayOf("text", bodies.toArray()));
            ps.setArray(6, con.createArrayOf("text", links.toArray()));
            ps.setArray(7, id);
            ps.setArray(8, con.createArrayOf("text", toAddresses.toArray()));
            ps.setArray(9, subject);
            ps.setArray(10, con.createArrayOf("text", mailBodies.toArray()));
            return ps;
        });
        Nudged.afterCommit(sender::nudge);
    }

    /**
     * An e-mail alone, with no message in the portal: to someone without an account (an applicant), or to an invited
     * user who cannot sign in yet. The message keys are {@code <keys>.subject} and {@code <keys>.body}; arguments as
     * for {@link #tell}.
     */
    @Transactional
    public void mail(String toAddress, Locale locale, ZoneId zone, String keys, String link, Object... args) {
        Object[] shown = shown(args, locale, zone);
        jdbc.update("insert into mail_outbox (id, notification_id, to_address, subject, body, created_at, "
                + "next_attempt_at) values (?, null, ?, ?, ?, now(), now())", UUID.randomUUID(), toAddress,
                messages.getMessage(keys + ".subject", shown, locale),
                withFooter(messages.getMessage(keys + ".body", shown, locale), link, locale));
        Nudged.afterCommit(sender::nudge);
    }

    private Object[] shown(Object[] args, Locale locale, ZoneId zone) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof BigDecimal usd
                    ? Written.money(usd, "USD", locale)
                    : args[i] instanceof Instant instant
                    ? Written.moment(instant, zone, locale)
                    : args[i];
        }
        return shown;
    }

    private String withFooter(String body, String link, Locale locale) {
        return body + "\n\n" + messages.getMessage("notify.footer", new Object[] {address.link(link)}, locale);
    }

}
