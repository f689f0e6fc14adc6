package org.dealreg.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.version;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.demo.internal.DemoMailSink;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.identity.UserAccounts;
import org.dealreg.partners.PartnerView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What people are told, in the portal and by e-mail through a real SMTP server (GreenMail, the demo mode's mail
 * sink), and that an SMTP outage neither fails a submission nor loses a message (DESIGN.md §9).
 */
@IntegrationTest
class NotificationsTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired OutboxSender sender;
    @Autowired UserAccounts accounts;

    @Test
    void theSubmitterGetsTheReceiptAndTheDecisionAndTheManagersGetTheNewSubmission() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        Map<String, String> deal = validDeal();
        UUID id = submitted(mvc, partner, deal);
        String receipt = receipt(id);

        DemoMailSink.Mail toPartner = awaitMail(m -> m.to().equals(partner.email()) && m.subject().contains(receipt));
        assertThat(toPartner.subject()).isEqualTo("Registration " + receipt + " received");
        assertThat(toPartner.body()).contains("Keep this receipt number").contains("/deals/" + id)
                .doesNotContain(deal.get("customerName")).doesNotContain(deal.get("description"));
        DemoMailSink.Mail toMaria = awaitMail(m -> m.to().equals(maria.email()) && m.subject().contains(receipt));
        assertThat(toMaria.subject()).isEqualTo("New registration " + receipt + " to review");
        assertThat(toMaria.body()).contains("$120,000.00").contains("/review/" + id);

        String bell = page(partner, "/deals");
        assertThat(bell).contains("id=\"unread-count\"");
        assertThat(page(partner, "/notifications")).contains("Registration " + receipt + " received");

        mvc.perform(post("/review/" + id + "/approve").param("version", version(jdbc, id)).with(csrf()).with(user(maria)));
        DemoMailSink.Mail approved = awaitMail(m -> m.to().equals(partner.email())
                && m.subject().equals("Registration " + receipt + " approved"));
        assertThat(approved.body()).contains("the customer is reserved for your company").doesNotContain("Maria");

        mvc.perform(post("/notifications/read").with(csrf()).with(user(partner)));
        assertThat(page(partner, "/deals")).doesNotContain("id=\"unread-count\"");
        assertThat(jdbc.queryForObject("select count(*) from notification where user_id = ? and read_at is null",
                Long.class, partner.id())).isZero();
    }

    @Test
    void aDecisionSettlesEveryManagersNotificationAboutTheRegistrationAndNothingElse() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        UUID decided = submitted(mvc, partner, validDeal());
        UUID waiting = submitted(mvc, partner, validDeal());
        assertThat(unreadAbout(decided)).as("every manager is told of the new submission").isPositive();

        mvc.perform(post("/review/" + decided + "/approve").param("version", version(jdbc, decided)).with(csrf())
                .with(user(maria)));

        assertThat(unreadAbout(decided)).as("decided: nobody needs to look any more").isZero();
        assertThat(jdbc.queryForObject("select count(*) from notification where link = ? and read_at is null",
                Long.class, "/review/" + waiting)).as("the one still waiting stays unread for every manager")
                .isEqualTo(unreadCountOfManagersAbout(waiting));
        assertThat(jdbc.queryForObject("select count(*) from notification where user_id = ? and read_at is null "
                + "and link = ?", Long.class, partner.id(), "/deals/" + decided)).as("the partner's news is the partner's")
                .isEqualTo(2);
    }

    private long unreadAbout(UUID registration) {
        return jdbc.queryForObject("select count(*) from notification where link = ? and read_at is null", Long.class,
                "/review/" + registration);
    }

    private long unreadCountOfManagersAbout(UUID registration) {
        return jdbc.queryForObject("select count(*) from notification n join app_user u on u.id = n.user_id "
                + "where n.link = ? and u.role = 'CHANNEL_MANAGER'", Long.class, "/review/" + registration);
    }

    @Test
    void theMenuCountsUnreadNotificationsUpTo99AndThenSays99Plus() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        unreadFor(partner, 99);
        assertThat(page(partner, "/deals")).containsPattern("id=\"unread-count\"[^>]*>99<");
        unreadFor(partner, 1);
        assertThat(page(partner, "/deals")).containsPattern("id=\"unread-count\"[^>]*>99\\+<");
        unreadFor(partner, 400);
        assertThat(page(partner, "/deals")).containsPattern("id=\"unread-count\"[^>]*>99\\+<");
    }

    private void unreadFor(CurrentUser user, int count) {
        jdbc.update("""
                insert into notification (id, user_id, created_at, kind, subject, body, link)
                select gen_random_uuid(), ?, now(), 'submitted', 'Test', 'A test notification', '/deals'
                  from generate_series(1, ?)""", user.id(), count);
    }

    @Test
    void aFrenchPartnerIsToldInFrench() throws Exception {
        PartnerView company = users.newPartner("FR");
        String email = "fr-" + UUID.randomUUID() + "@test.example";
        accounts.create(new UserAccounts.NewUser(email, "Camille Test", Role.PARTNER_USER, company.id(), Locale.FRENCH,
                ZoneId.of("Europe/Paris"), TestUsers.PASSWORD));
        CurrentUser camille = users.byEmail(email);
        Map<String, String> deal = validDeal();
        deal.put("customerCountry", "FR");
        deal.put("currency", "EUR");
        users.withFranceOpeningOn(java.time.LocalDate.now().minusDays(1), () -> {
            UUID id = submitted(mvc, camille, deal);
            String receipt = receipt(id);
            DemoMailSink.Mail mail = awaitMail(m -> m.to().equals(email) && m.subject().contains(receipt));
            assertThat(mail.subject()).isEqualTo("Enregistrement " + receipt + " reçu");
            assertThat(mail.body()).contains("Conservez ce numéro de reçu");
        });
    }

    @Test
    void anSmtpOutageNeitherFailsASubmissionNorLosesTheMessage() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        DemoMailSink.stop();
        UUID id;
        try {
            id = submitted(mvc, partner, validDeal());
            Instant now = Instant.now();
            sender.sendDue(now);
            // the first e-mail that fails ends the pass (one timeout per pass, not one per e-mail): wait until the
            // pass the commit triggered, or this one, has recorded its failure
            await("the failure is recorded").atMost(Duration.ofSeconds(15)).until(() -> failuresSince(id) > 0);
            Map<String, Object> failed = jdbc.queryForMap("select next_attempt_at, last_error from mail_outbox o "
                    + "join notification n on n.id = o.notification_id where n.link like ? and o.attempts > 0 limit 1",
                    "%/" + id);
            assertThat(((java.sql.Timestamp) failed.get("next_attempt_at")).toInstant()).as("retried later, not now")
                    .isAfter(now);
            assertThat((String) failed.get("last_error")).contains("connect");
            assertThat(jdbc.queryForObject("select count(*) from mail_outbox where to_address = ? and sent_at is null",
                    Long.class, partner.email())).as("the receipt waits").isEqualTo(1L);
        } finally {
            DemoMailSink.start();
        }
        String receipt = receipt(id);
        assertThat(sender.sendDue(Instant.now().plus(Duration.ofHours(2)))).isPositive();
        assertThat(awaitMail(m -> m.to().equals(partner.email()) && m.subject().contains(receipt)).subject())
                .isEqualTo("Registration " + receipt + " received");
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where to_address = ? and sent_at is null",
                Long.class, partner.email())).as("nothing lost, nothing left").isZero();
    }

    @Test
    void theRetryWaitDoublesFromThirtySecondsUpToAnHour() {
        assertThat(OutboxSender.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutboxSender.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxSender.backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(OutboxSender.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(OutboxSender.backoff(40)).isEqualTo(Duration.ofHours(1));
    }

    /** How many e-mails about this registration have failed at least once. */
    private long failuresSince(UUID registration) {
        return jdbc.queryForObject("select count(*) from mail_outbox o join notification n on n.id = o.notification_id "
                + "where n.link like ? and o.attempts > 0", Long.class, "%/" + registration);
    }

    private DemoMailSink.Mail awaitMail(Predicate<DemoMailSink.Mail> which) {
        return await("an e-mail in the mail sink").atMost(Duration.ofSeconds(15))
                .until(() -> DemoMailSink.received().stream().filter(which).findFirst(), Optional::isPresent)
                .orElseThrow();
    }


    private String page(CurrentUser user, String path) throws Exception {
        return mvc.perform(get(path).with(user(user))).andReturn().getResponse().getContentAsString();
    }

    private String receipt(UUID id) {
        return jdbc.queryForObject("select receipt_number from registration where id = ?", String.class, id);
    }

}
