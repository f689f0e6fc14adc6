package org.dealreg.notifications.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.dealreg.shared.Nudged;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what waits in the outbox, at least once. Each e-mail is first leased in a short transaction (its next
 * attempt moved a few minutes ahead, so no other sender on any node takes it meanwhile), then sent in batches over
 * one SMTP connection with no transaction or database connection held, then marked sent (or failed, with the next
 * attempt later and later: 30 s, 1 min, 2 min … at most an hour). A crash between the SMTP server accepting an
 * e-mail and the mark can send that one e-mail again when its lease ends; nothing is ever lost. A batch with a
 * failure ends the pass, so a server that is down costs one timeout per pass, not one per e-mail. Without an SMTP server configured nothing is sent and the
 * e-mails wait.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail 2.1 looks its stream provider up through ServiceLoader for every part and header it encodes
        // (jakartaee/mail-api#861), scanning every jar of the portal each time: most of an e-mail's CPU. Named as a
        // system property, the lookup is a Class.forName of a class already loaded. Angus Mail's provider is the one
        // ServiceLoader would find; a value given on the command line is left as it is.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }
    private static final int BATCH = 50;
    /** An e-mail leaves this long after its commit, with those committed meanwhile (one lease, one connection). */
    static final Duration GATHERING = Duration.ofMillis(200);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    /** Longer than a batch can take with the SMTP timeouts (10 s each). */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> smtp;
    private final TransactionTemplate transactions;
    private final String from;
    private final AtomicBoolean warnedNoServer = new AtomicBoolean();
    private final Nudged sender;

    OutboxSender(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> smtp, TransactionTemplate transactions,
            @Qualifier("applicationTaskExecutor") Executor background,
            @Value("${dealreg.mail.from:dealreg@dealreg.example}") String from) {
        this.jdbc = jdbc;
        this.smtp = smtp;
        this.transactions = transactions;
        this.from = from;
        this.sender = new Nudged(background, () -> sendDue(null), GATHERING,
                "Sending queued e-mails failed; the scheduled sender will retry");
    }

    /** Something was queued and committed: send it now rather than at the next scheduled pass (coalesced). */
    void nudge() {
        sender.nudge();
    }

    @Scheduled(fixedDelayString = "${dealreg.jobs.mail-every:PT30S}", initialDelayString = "PT10S")
    @SchedulerLock(name = "mail-outbox", lockAtMostFor = "PT10M")
    void scheduled() {
        sendDue(null);
    }

    /**
     * Sends every e-mail due at {@code now} (the database's clock when null, which stamped them); answers how many
     * were sent.
     */
    int sendDue(Instant now) {
        JavaMailSender server = smtp.getIfAvailable();
        if (server == null) {
            if (warnedNoServer.compareAndSet(false, true)) {
                log.warn("No SMTP server is configured (spring.mail.host): e-mails wait in mail_outbox");
            }
            return 0;
        }
        int sent = 0;
        while (true) {
            List<Queued> leased = transactions.execute(status -> lease(now));
            if (leased == null || leased.isEmpty()) {
                return sent;
            }
            int batch = send(server, leased);
            sent += batch;
            if (batch < leased.size()) {
                return sent;
            }
        }
    }

    private List<Queued> lease(Instant now) {
        return jdbc.query("""
                update mail_outbox set next_attempt_at = coalesce(?::timestamptz, now()) + ?::interval
                 where id in (select id from mail_outbox
                               where sent_at is null and next_attempt_at <= coalesce(?::timestamptz, now())
                               order by created_at limit ? for update skip locked)
                returning id, to_address, subject, body, attempts, created_at""",
                (rs, n) -> new Queued(rs.getObject("id", UUID.class), rs.getString("to_address"),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts"),
                        rs.getTimestamp("created_at").toInstant()),
                timestamp(now), LEASE.toSeconds() + " seconds", timestamp(now), BATCH)
                .stream().sorted(Comparator.comparing(Queued::createdAt)).toList();
    }

    /**
     * Sends a leased batch over one SMTP connection, with no transaction open, and marks each e-mail sent or failed;
     * answers how many were sent. Those the server refused wait with a longer delay each time.
     */
    private int send(JavaMailSender server, List<Queued> batch) {
        SimpleMailMessage[] messages = batch.stream().map(mail -> {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(mail.to());
            message.setSubject(mail.subject());
            message.setText(mail.body());
            return message;
        }).toArray(SimpleMailMessage[]::new);
        Map<Object, Exception> failed;
        try {
            server.send(messages);
            failed = Map.of();
        } catch (MailSendException e) {
            failed = e.getFailedMessages().isEmpty() ? allFailed(messages, e) : e.getFailedMessages();
        } catch (MailException e) {
            failed = allFailed(messages, e);
        }
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Queued mail = batch.get(i);
            Exception problem = failed.get(messages[i]);
            if (problem == null) {
                sent.add(mail.id());
                continue;
            }
            Duration wait = backoff(mail.attempts() + 1);
            jdbc.update("update mail_outbox set attempts = attempts + 1, next_attempt_at = now() + ?::interval, "
                    + "last_error = ? where id = ?", wait.toSeconds() + " seconds", abbreviate(problem.getMessage()),
                    mail.id());
            log.warn("E-mail {} to {} not sent (attempt {}), next try in {}: {}", mail.id(), mail.to(),
                    mail.attempts() + 1, wait, problem.getMessage());
        }
        if (!sent.isEmpty()) {
            jdbc.update(con -> {
                var ps = con.prepareStatement("update mail_outbox set sent_at = now(), attempts = attempts + 1, "
                        + "last_error = null where id = any (?)");
                ps.setArray(1, con.createArrayOf("uuid", sent.toArray()));
                return ps;
            });
        }
        return sent.size();
    }

    private static Map<Object, Exception> allFailed(SimpleMailMessage[] messages, Exception e) {
        Map<Object, Exception> all = new IdentityHashMap<>();
        for (SimpleMailMessage m : messages) {
            all.put(m, e);
        }
        return all;
    }

    /** 30 s after the first failure, doubling, at most an hour. */
    static Duration backoff(int failures) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 500 ? s : s.substring(0, 500);
    }

    private record Queued(UUID id, String to, String subject, String body, int attempts, Instant createdAt) {
    }
}
