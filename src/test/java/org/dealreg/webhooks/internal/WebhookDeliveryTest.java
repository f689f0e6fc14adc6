package org.dealreg.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import mockwebserver3.MockWebServer;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.crypto.FieldCipher;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.joining.ApplicationDeclined;
import org.dealreg.partners.PartnerView;
import org.dealreg.registration.PartnerSubmissions;
import org.dealreg.registration.PartnerSubmissions.DealToRegister;
import org.dealreg.webhooks.internal.Subscriptions.Attempt;
import org.dealreg.webhooks.internal.Subscriptions.Owner;
import org.dealreg.webhooks.internal.Subscriptions.Secret;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A registration's webhook reaches a real HTTP receiver signed as Standard Webhooks says, at least once, through the
 * receiver's failures; and a company's subscription hears of its own registrations only.
 */
@IntegrationTest
class WebhookDeliveryTest {

    @Autowired Subscriptions subscriptions;
    @Autowired WebhookSender sender;
    @Autowired PartnerSubmissions submissions;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired FieldCipher cipher;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationEventPublisher events;

    @Test
    void aMessageRefusedTwiceIsDeliveredOnceAndTheLogShowsItsThreeAttempts() throws Exception {
        Receiver receiver = new Receiver(500, 500);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(receiver);
            server.start();
            PartnerView company = users.newPartner("US");
            Owner owner = Owner.of(users.newUser(Role.PARTNER_ADMIN, company.id()));
            Secret secret = subscriptions.create(owner, server.url("/dealreg-hooks").toString(),
                    List.of("registration.submitted"));
            receiver.secret(secret.value());

            UUID registration = submissions.submit(users.newPartnerUser(company), deal());
            UUID message = jdbc.queryForObject("select id from webhook_message where subscription_id = ?", UUID.class,
                    secret.subscriptionId());

            // the commit nudges the sender; the retries come when the test says the time has come
            sender.deliverDue(null);
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from webhook_attempt where message_id = ?", Long.class, message) == 1);
            Instant now = Instant.now();
            sender.deliverDue(now.plus(Duration.ofMinutes(1)));
            sender.deliverDue(now.plus(Duration.ofMinutes(5)));
            sender.deliverDue(now.plus(Duration.ofHours(1)));

            List<Receiver.Request> seen = receiver.requests();
            assertThat(seen).extracting(Receiver.Request::answered).containsExactly(500, 500, 200);
            assertThat(seen).allSatisfy(r -> {
                assertThat(r.signatureValid()).isTrue();
                assertThat(r.id()).isEqualTo("msg_" + message);
                assertThat(Long.parseLong(r.timestamp())).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(120L));
            });
            assertThat(receiver.processed()).containsOnlyKeys("msg_" + message);
            assertThat(receiver.duplicates()).isZero();
            String body = receiver.processed().get("msg_" + message);
            assertThat(body).contains("\"type\":\"registration.submitted\"")
                    .contains("\"registrationId\":\"" + registration + "\"")
                    .contains("\"partnerId\":\"" + company.id() + "\"")
                    .doesNotContain("Vantablack").doesNotContain("Jane");

            List<Attempt> log = subscriptions.detail(owner, secret.subscriptionId()).attempts();
            assertThat(log).hasSize(3).allSatisfy(a -> assertThat(a.messageId()).isEqualTo(message));
            assertThat(log).extracting(Attempt::outcome).containsExactly("DELIVERED", "REFUSED", "REFUSED");
            assertThat(log).extracting(Attempt::responseCode).containsExactly(200, 500, 500);
            assertThat(log).allSatisfy(a -> assertThat(a.durationMs()).isNotNegative());
            assertThat(jdbc.queryForObject("select status from webhook_message where id = ?", String.class, message))
                    .isEqualTo("DELIVERED");

            // at rest the payload and the secret are ciphertext
            String stored = jdbc.queryForObject("select payload from webhook_message where id = ?", String.class, message);
            assertThat(stored).startsWith("v1:").doesNotContain(registration.toString());
            assertThat(cipher.decrypt(stored)).isEqualTo(body);
            assertThat(jdbc.queryForObject("select secret from webhook_subscription where id = ?", String.class,
                    secret.subscriptionId())).startsWith("v1:").doesNotContain(secret.value().substring(6));
            subscriptions.delete(owner, secret.subscriptionId());
        }
    }

    @Test
    void aCompanysSubscriptionNeverReceivesAnotherCompanysRegistration() throws Exception {
        Receiver receiver = new Receiver();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(receiver);
            server.start();
            PartnerView mine = users.newPartner("US");
            PartnerView theirs = users.newPartner("US");
            Owner me = Owner.of(users.newUser(Role.PARTNER_ADMIN, mine.id()));
            Owner them = Owner.of(users.newUser(Role.PARTNER_ADMIN, theirs.id()));
            List<String> all = WebhookEventType.choosable(true).stream().map(WebhookEventType::wireName).toList();
            Secret mySubscription = subscriptions.create(me, server.url("/mine").toString(), all);
            Secret theirSubscription = subscriptions.create(them, server.url("/theirs").toString(), all);
            receiver.secret(mySubscription.value());
            receiver.secret(theirSubscription.value());

            CurrentUser theirUser = users.newPartnerUser(theirs);
            UUID theirRegistration = submissions.submit(theirUser, deal());
            submissions.withdraw(theirUser, theirRegistration, jdbc.queryForObject(
                    "select version from registration where id = ?", Integer.class, theirRegistration));
            UUID myRegistration = submissions.submit(users.newPartnerUser(mine), deal());

            assertThat(messages(mySubscription)).isOne();
            assertThat(messages(theirSubscription)).isEqualTo(2);
            sender.deliverDue(Instant.now().plus(Duration.ofMinutes(1)));
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.processed().size() == 3);
            assertThat(receiver.requests()).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
            assertThat(receiver.requests()).filteredOn(r -> r.path().equals("/mine")).singleElement()
                    .satisfies(r -> assertThat(r.body()).contains(myRegistration.toString())
                            .doesNotContain(theirRegistration.toString()));
            assertThat(receiver.requests()).filteredOn(r -> r.path().equals("/theirs")).hasSize(2)
                    .allSatisfy(r -> assertThat(r.body()).contains(theirRegistration.toString())
                            .doesNotContain(myRegistration.toString()));
            subscriptions.delete(me, mySubscription.subscriptionId());
            subscriptions.delete(them, theirSubscription.subscriptionId());
        }
    }

    @Test
    void aSubscriptionFailingFor24HoursIsPausedItsAdminsToldAndAMessageSentAgainArrivesAfterResuming() throws Exception {
        Receiver receiver = new Receiver(500, 500, 500);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(receiver);
            server.start();
            PartnerView company = users.newPartner("US");
            CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, company.id());
            Owner owner = Owner.of(admin);
            Secret secret = subscriptions.create(owner, server.url("/down").toString(), List.of("registration.submitted"));
            receiver.secret(secret.value());
            submissions.submit(users.newPartnerUser(company), deal());
            UUID message = jdbc.queryForObject("select id from webhook_message where subscription_id = ?", UUID.class,
                    secret.subscriptionId());

            sender.deliverDue(null);
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from webhook_attempt where message_id = ?", Long.class, message) == 1);
            Instant now = Instant.now();
            sender.deliverDue(now.plus(Duration.ofHours(12)));
            assertThat(subscriptions.get(owner, secret.subscriptionId()).state()).isEqualTo(Subscriptions.State.ACTIVE);
            sender.deliverDue(now.plus(Duration.ofHours(25)));

            assertThat(receiver.requests()).extracting(Receiver.Request::answered).containsExactly(500, 500, 500);
            assertThat(jdbc.queryForObject("select status from webhook_message where id = ?", String.class, message))
                    .isEqualTo("FAILED");
            assertThat(subscriptions.get(owner, secret.subscriptionId()).state())
                    .isEqualTo(Subscriptions.State.PAUSED_FAILING);
            assertThat(jdbc.queryForObject("select count(*) from notification where user_id = ? and kind = 'webhooks.paused' "
                    + "and link = ?", Long.class, admin.id(), "/webhooks/" + secret.subscriptionId())).isOne();
            assertThat(jdbc.queryForObject("select count(*) from mail_outbox where to_address = ? and subject = ?",
                    Long.class, admin.email(), "A webhook subscription is paused")).isOne();
            assertThat(jdbc.queryForList("select action from audit_event where subject_id = ? order by seq", String.class,
                    secret.subscriptionId().toString())).containsExactly("WEBHOOK_CREATED", "WEBHOOK_PAUSED_FAILING");

            // sent again while paused, it waits; resumed, it leaves with the same webhook-id
            subscriptions.sendAgain(owner, secret.subscriptionId(), message);
            sender.deliverDue(now.plus(Duration.ofHours(26)));
            assertThat(receiver.requests()).hasSize(3);
            subscriptions.resume(owner, secret.subscriptionId());
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.processed().size() == 1);
            assertThat(receiver.processed()).containsOnlyKeys("msg_" + message);
            // (in any order: the failures were recorded at the test's made-up times, a day ahead)
            assertThat(subscriptions.detail(owner, secret.subscriptionId()).attempts()).extracting(Attempt::outcome)
                    .containsExactlyInAnyOrder("DELIVERED", "REFUSED", "REFUSED", "REFUSED");
            subscriptions.delete(owner, secret.subscriptionId());
        }
    }

    @Test
    void theProgrammesSubscriptionHearsOfEveryCompanyAndOfApplicationDecisionsWithPlainFieldsOnly() {
        Owner programme = Owner.of(users.newUser(Role.PROGRAM_ADMIN, null));
        Secret subscription = subscriptions.create(programme, "http://127.0.0.1:9/programme",
                List.of("registration.submitted", "application.decided"));
        try {
            UUID registration = submissions.submit(users.newPartnerUser(users.newPartner("US")), deal());
            UUID application = UUID.randomUUID();
            transactions.executeWithoutResult(status -> events.publishEvent(new ApplicationDeclined(application,
                    UUID.randomUUID(), "jane@applicant.example", Locale.FRENCH, ZoneId.of("Europe/Paris"),
                    "Not a reseller of ours", UUID.randomUUID(), Instant.now())));

            List<String> payloads = jdbc.queryForList("select payload from webhook_message where subscription_id = ? "
                    + "order by created_at", String.class, subscription.subscriptionId()).stream().map(cipher::decrypt)
                    .toList();
            assertThat(payloads).hasSize(2);
            assertThat(payloads.get(0)).contains("\"registrationId\":\"" + registration + "\"")
                    .contains("\"amountUsd\":\"120000").doesNotContain("Vantablack").doesNotContain("Jane")
                    .doesNotContain("Forty racks");
            assertThat(payloads.get(1)).contains("\"type\":\"application.decided\"")
                    .contains("\"applicationId\":\"" + application + "\"").contains("\"decision\":\"DECLINED\"")
                    .doesNotContain("jane@applicant.example").doesNotContain("Not a reseller");
        } finally {
            subscriptions.delete(programme, subscription.subscriptionId());
        }
    }

    private long messages(Secret subscription) {
        return jdbc.queryForObject("select count(*) from webhook_message where subscription_id = ?", Long.class,
                subscription.subscriptionId());
    }

    private static DealToRegister deal() {
        String customer = "Vantablack" + UUID.randomUUID().toString().substring(0, 8);
        return new DealToRegister(customer + " Inc.", null, "US", "Springfield", "Jane Doe", "jane@vantablack.example",
                null, "Data centre refresh", "Forty racks.", "INFRASTRUCTURE", new BigDecimal("120000"), "USD",
                LocalDate.now().plusMonths(3), null);
    }
}
