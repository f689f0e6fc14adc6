package org.dealreg.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what waits in the outbox. Each e-mail is taken with {@code for update skip locked}, so two senders (two
 * nodes, or the schedule and a nudge) never send the same one; it is marked sent only once the SMTP server took it.
 * A failure leaves it queued with the next attempt later and later (30 s, 1 min, 2 min … at most an hour), so an
 * outage loses nothing and a recovered server receives everything. Without an SMTP server configured nothing is
 * sent and the e-mails wait.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 20;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> smtp;
    private final TransactionTemplate transactions;
    private final Executor background;
    private final Clock clock;
    private final String from;
    private final AtomicBoolean warnedNoServer = new AtomicBoolean();

    OutboxSender(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> smtp, TransactionTemplate transactions,
            @Qualifier("applicationTaskExecutor") Executor background, Clock clock,
            @Value("${dealreg.mail.from:dealreg@dealreg.example}") String from) {
        this.jdbc = jdbc;
        this.smtp = smtp;
        this.transactions = transactions;
        this.background = background;
        this.clock = clock;
        this.from = from;
    }

    /** Something was queued and committed: send it now rather than at the next scheduled pass. */
    void nudge() {
        background.execute(() -> {
            try {
                sendDue(clock.instant());
            } catch (RuntimeException e) {
                log.warn("Sending queued e-mails failed; the scheduled sender will retry", e);
            }
        });
    }

    @Scheduled(fixedDelayString = "${dealreg.jobs.mail-every:PT30S}", initialDelayString = "PT10S")
    @SchedulerLock(name = "mail-outbox", lockAtMostFor = "PT10M")
    void scheduled() {
        sendDue(clock.instant());
    }

    /** Sends every e-mail due at {@code now}, a batch per transaction; answers how many left. */
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
            Integer batch = transactions.execute(status -> sendBatch(server, now));
            if (batch == null || batch == 0) {
                return sent;
            }
            sent += batch;
        }
    }

    private int sendBatch(JavaMailSender server, Instant now) {
        List<Queued> due = jdbc.query("""
                select id, to_address, subject, body, attempts from mail_outbox
                 where sent_at is null and next_attempt_at <= ?
                 order by created_at limit ? for update skip locked""",
                (rs, n) -> new Queued(rs.getObject("id", UUID.class), rs.getString("to_address"),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")),
                Timestamp.from(now), BATCH);
        int sent = 0;
        for (Queued mail : due) {
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(mail.to());
                message.setSubject(mail.subject());
                message.setText(mail.body());
                server.send(message);
                jdbc.update("update mail_outbox set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?",
                        Timestamp.from(clock.instant()), mail.id());
                sent++;
            } catch (MailException e) {
                Instant next = now.plus(backoff(mail.attempts() + 1));
                jdbc.update("update mail_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                        + "where id = ?", Timestamp.from(next), abbreviate(e.getMessage()), mail.id());
                log.warn("E-mail {} to {} not sent (attempt {}), next try at {}: {}", mail.id(), mail.to(),
                        mail.attempts() + 1, next, e.getMessage());
            }
        }
        // a batch where nothing went out means the server is down: stop until the next pass
        return sent == 0 ? 0 : due.size();
    }

    /** 30 s after the first failure, doubling, at most an hour. */
    static Duration backoff(int failures) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 500 ? s : s.substring(0, 500);
    }

    private record Queued(UUID id, String to, String subject, String body, int attempts) {
    }
}
