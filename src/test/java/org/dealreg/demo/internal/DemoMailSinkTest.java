package org.dealreg.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

/** The demo's mail sink holds its mail in the JVM: each mailbox keeps its newest messages, not every one ever sent. */
class DemoMailSinkTest {

    @Test
    void aMailboxKeepsItsNewestMessagesOnly() throws Exception {
        int port = DemoMailSink.start();
        String to = "trim-" + UUID.randomUUID() + "@test.example";
        int sent = DemoMailSink.KEPT_PER_MAILBOX + 30;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        Session session = Session.getInstance(properties);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 1; i <= sent; i++) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom("portal@test.example");
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
                message.setSubject("Message " + i);
                message.setText("Body " + i);
                transport.sendMessage(message, message.getAllRecipients());
            }
        }

        DemoMailSink.trim();

        List<String> subjects = DemoMailSink.received().stream().filter(mail -> mail.to().equals(to))
                .map(DemoMailSink.Mail::subject).toList();
        assertThat(subjects).hasSize(DemoMailSink.KEPT_PER_MAILBOX)
                .contains("Message " + sent, "Message 31").doesNotContain("Message 1", "Message 30");
    }
}
