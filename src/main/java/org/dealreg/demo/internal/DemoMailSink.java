package org.dealreg.demo.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import org.apache.commons.logging.LogFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * The demo mode's mail sink: with the {@code demo} profile and no SMTP server configured, a GreenMail SMTP
 * server on a free local port receives what the portal sends, and the mailbox page shows it. One per JVM. The
 * mail tests use the same server, and stop and restart it to play an outage.
 *
 * <p>It keeps everything in the JVM, so each mailbox keeps its newest {@value #KEPT_PER_MAILBOX} messages: a demo
 * that runs for days (or a benchmark's thousands of submissions, each telling the managers) would otherwise hold every
 * message ever sent. Older ones are removed every {@value #TRIM_EVERY_SECONDS} seconds.
 */
public class DemoMailSink implements EnvironmentPostProcessor, Ordered {

    static final int KEPT_PER_MAILBOX = 200;
    static final int TRIM_EVERY_SECONDS = 30;

    private static GreenMail server;
    private static int port;

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 2;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("demo"))
                || StringUtils.hasText(environment.getProperty("spring.mail.host"))
                || !environment.getProperty("dealreg.demo.mail-sink", Boolean.class, true)) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        props.put("spring.mail.host", "127.0.0.1");
        props.put("spring.mail.port", String.valueOf(start()));
        props.put("dealreg.demo.mail-sink.active", "true");
        environment.getPropertySources().addFirst(new MapPropertySource("dealregDemoMailSink", props));
    }

    /** Starts the sink (on the port it had before, if it ran before); answers its port. */
    public static synchronized int start() {
        if (server != null && server.isRunning()) {
            return port;
        }
        boolean first = port == 0;
        if (first) {
            port = freePort();
        }
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        if (first) {
            Runtime.getRuntime().addShutdownHook(new Thread(DemoMailSink::stop));
            ScheduledExecutorService trimming = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "demo-mail-sink-trim");
                thread.setDaemon(true);
                return thread;
            });
            trimming.scheduleWithFixedDelay(DemoMailSink::trim, TRIM_EVERY_SECONDS, TRIM_EVERY_SECONDS, TimeUnit.SECONDS);
        }
        return port;
    }

    /** Removes all but the newest {@value #KEPT_PER_MAILBOX} messages of each mailbox. */
    static synchronized void trim() {
        if (server == null || !server.isRunning()) {
            return;
        }
        try {
            for (MailFolder folder : server.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
                List<StoredMessage> messages = folder.getMessages();
                int excess = messages.size() - KEPT_PER_MAILBOX;
                if (excess > 0) {
                    messages.stream().sorted(Comparator.comparingLong(StoredMessage::getUid)).limit(excess)
                            .forEach(message -> message.setFlag(Flags.Flag.DELETED, true));
                    folder.expunge();
                }
            }
        } catch (FolderException | RuntimeException e) {
            // the sink goes on receiving, and the next round tries again
            LogFactory.getLog(DemoMailSink.class).warn("The demo mail sink could not remove its oldest messages", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port for the demo mail sink", e);
        }
    }

    /** Stops the sink: the portal's SMTP server is then down. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** What the sink received since it last started, oldest first. */
    public static synchronized List<Mail> received() {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).map(DemoMailSink::mail).toList();
    }

    public record Mail(String to, String subject, String body) {
    }

    private static Mail mail(MimeMessage message) {
        try {
            return new Mail(String.join(", ", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList()),
                    message.getSubject(), (message.getContent() instanceof String text ? text
                            : GreenMailUtil.getBody(message)).replace("\r\n", "\n"));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("An unreadable message in the demo mail sink", e);
        }
    }
}
