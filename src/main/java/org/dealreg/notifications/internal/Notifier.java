package org.dealreg.notifications.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;

import org.dealreg.shared.DatabaseClock;
import org.dealreg.shared.PortalAddress;
import org.dealreg.identity.UserAccounts.UserSummary;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells users something: one notification per recipient, in the portal and queued as an e-mail, both in the
 * caller's transaction (so nothing is told of an action that rolled back, and nothing is lost when the mail
 * server is down). After commit the sender is nudged, so the e-mail usually leaves within a second; the
 * scheduled sender retries what could not be sent.
 */
@Service
class Notifier {

    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final OutboxSender sender;

    private final PortalAddress address;
    private final DatabaseClock databaseClock;

    Notifier(JdbcTemplate jdbc, MessageSource messages, OutboxSender sender, PortalAddress address,
            DatabaseClock databaseClock) {
        this.databaseClock = databaseClock;
        this.jdbc = jdbc;
        this.messages = messages;
        this.sender = sender;
        this.address = address;
    }

    private static String usd(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance("USD"));
        return format.format(amount);
    }

    /**
     * @param kind the message keys {@code notify.<kind>.subject} and {@code notify.<kind>.body}; their arguments are
     *             {@code args}, where an {@link Instant} is shown in the recipient's zone and language, and a
     *             {@link BigDecimal} is an amount in US dollars written the recipient's way
     */
    @Transactional
    public void tell(Collection<UserSummary> recipients, String kind, String link, Object... args) {
        Instant now = databaseClock.now();
        for (UserSummary to : recipients) {
            Object[] shown = shown(args, to.locale(), to.zone());
            String subject = messages.getMessage("notify." + kind + ".subject", shown, to.locale());
            String body = messages.getMessage("notify." + kind + ".body", shown, to.locale());
            UUID id = UUID.randomUUID();
            jdbc.update("insert into notification (id, user_id, created_at, kind, subject, body, link) "
                    + "values (?, ?, ?, ?, ?, ?, ?)", id, to.id(), Timestamp.from(now), kind, subject, body, link);
            queueMail(id, to.email(), subject, body, link, to.locale(), now);
        }
        nudgeAfterCommit();
    }

    /**
     * An e-mail alone, with no message in the portal: to someone without an account (an applicant), or to an invited
     * user who cannot sign in yet. The message keys are {@code <keys>.subject} and {@code <keys>.body}; arguments as
     * for {@link #tell}.
     */
    @Transactional
    public void mail(String toAddress, Locale locale, ZoneId zone, String keys, String link, Object... args) {
        Instant now = databaseClock.now();
        Object[] shown = shown(args, locale, zone);
        queueMail(null, toAddress, messages.getMessage(keys + ".subject", shown, locale),
                messages.getMessage(keys + ".body", shown, locale), link, locale, now);
        nudgeAfterCommit();
    }

    private Object[] shown(Object[] args, Locale locale, ZoneId zone) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof BigDecimal usd
                    ? usd(usd, locale)
                    : args[i] instanceof Instant instant
                    ? DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                            .withLocale(locale).format(instant.atZone(zone)) + " "
                            + zone.getDisplayName(TextStyle.SHORT, locale)
                    : args[i];
        }
        return shown;
    }

    private void queueMail(UUID notificationId, String toAddress, String subject, String body, String link,
            Locale locale, Instant now) {
        jdbc.update("insert into mail_outbox (id, notification_id, to_address, subject, body, created_at, "
                + "next_attempt_at) values (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), notificationId, toAddress, subject,
                body + "\n\n" + messages.getMessage("notify.footer", new Object[] {address.link(link)}, locale),
                Timestamp.from(now), Timestamp.from(now));
    }

    private void nudgeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.nudge();
                }
            });
        }
    }
}
