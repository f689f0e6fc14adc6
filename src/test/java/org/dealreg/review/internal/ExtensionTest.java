package org.dealreg.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.version;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.registration.ManagerReview;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * More time on an approved registration (DESIGN.md §4): the partner asks with a reason before protection ends, a
 * manager grants 30 days or declines with a reason, at most twice, and the partner is told either way. Refused
 * requests change nothing and say why.
 */
@IntegrationTest
class ExtensionTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired ManagerReview review;

    @Test
    void aGrantAddsThirtyDaysAndTheThirdRequestIsRefused() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        UUID id = approved(bob);
        Instant firstEnd = end(id);

        ask(bob, id, "The customer's board meets on the 3rd.");
        String queue = mvc.perform(get("/review/extensions").with(user(maria))).andReturn().getResponse()
                .getContentAsString();
        assertThat(queue).as("the queue decrypts nothing: listing it is no look at the deal")
                .contains(receipt(id)).doesNotContain("board meets");
        assertThat(mvc.perform(get("/review/{id}", id).with(user(maria))).andReturn().getResponse().getContentAsString())
                .contains("The customer&#39;s board meets on the 3rd.").contains("id=\"grant-extension\"");
        assertThat(count("select count(*) from registration_view where registration_id = ?", id))
                .as("reading the reason is a logged look").isEqualTo(1);
        grant(maria, id).andExpect(flash().attribute("flash", "extension.granted"));
        assertThat(end(id)).isEqualTo(firstEnd.plus(Duration.ofDays(30)));

        ask(bob, id, "Legal review of the contract.");
        grant(maria, id);
        assertThat(end(id)).isEqualTo(firstEnd.plus(Duration.ofDays(60)));

        MvcResult third = ask(bob, id, "One more month, please.");
        assertThat(third.getFlashMap().get("flashError")).isEqualTo("This registration has had the maximum of 2 extensions.");
        assertThat(third.getFlashMap().get("extensionReason")).as("what was typed is kept").isEqualTo("One more month, please.");
        assertThat(count("select count(*) from extension_request where registration_id = ?", id)).isEqualTo(2);
        assertThat(end(id)).isEqualTo(firstEnd.plus(Duration.ofDays(60)));
        assertThat(count("select count(*) from notification where user_id = ? and kind = 'extensionGranted'", bob.id()))
                .isEqualTo(2);
        assertThat(count("select count(*) from audit_event where action = 'EXTENSION_GRANTED' and subject_id = ?",
                id.toString())).isEqualTo(2);
    }

    @Test
    void aDeclineNeedsAReasonAndThePartnerReadsIt() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        UUID id = approved(bob);
        Instant before = end(id);
        ask(bob, id, "Waiting for the budget.");
        UUID request = pendingRequest(id);

        mvc.perform(post("/review/extensions/{r}/{q}/decline", id, request).param("reason", "  ").with(csrf())
                .with(user(maria))).andExpect(flash().attributeExists("flashError"));
        assertThat(jdbc.queryForObject("select status from extension_request where id = ?", String.class, request))
                .isEqualTo("PENDING");

        mvc.perform(post("/review/extensions/{r}/{q}/decline", id, request).param("reason", "<b>Budget</b> was cut.")
                .with(csrf()).with(user(maria))).andExpect(flash().attribute("flash", "extension.declined"));

        assertThat(end(id)).isEqualTo(before);
        String page = mvc.perform(get("/deals/{id}", id).with(user(bob))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("&lt;b&gt;Budget&lt;/b&gt; was cut.").doesNotContain("<b>Budget</b>");
        assertThat(count("select count(*) from notification where user_id = ? and kind = 'extensionDeclined'", bob.id()))
                .isEqualTo(1);
    }

    @Test
    void twoRequestsAtOnceMakeOne() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        CurrentUser carol = users.newUser(org.dealreg.identity.Role.PARTNER_USER, bob.partnerId());
        UUID id = approved(bob);
        String version = version(jdbc, id);

        List<CompletableFuture<MvcResult>> both = new ArrayList<>();
        for (CurrentUser who : List.of(bob, carol)) {
            both.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return mvc.perform(post("/deals/{id}/extension", id).param("version", version)
                            .param("reason", "Need time.").with(csrf()).with(user(who))).andReturn();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        long refused = both.stream().map(CompletableFuture::join)
                .filter(r -> r.getFlashMap().get("flashError") != null).count();

        assertThat(refused).isEqualTo(1);
        assertThat(count("select count(*) from extension_request where registration_id = ?", id)).isEqualTo(1);
        MvcResult again = ask(bob, id, "Need time.");
        assertThat(again.getFlashMap().get("flashError"))
                .isEqualTo("An extension request for this registration is already waiting for an answer.");
    }

    @Test
    void afterProtectionEndedOrForARegistrationNotApprovedNothingCanBeAsked() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        UUID ended = approved(bob);
        jdbc.update("update registration set protection_ends_at = now() - interval '1 minute' where id = ?", ended);
        assertThat(ask(bob, ended, "Too late?").getFlashMap().get("flashError"))
                .isEqualTo("Protection has already ended: an extension can only be asked for before the end.");

        UUID pending = submitted(mvc, bob, validDeal());
        assertThat(ask(bob, pending, "Early?").getFlashMap().get("flashError"))
                .isEqualTo("Only an approved registration can be closed or extended; this one is “Awaiting decision”.");

        MvcResult blank = ask(bob, approved(bob), " ");
        assertThat(blank.getFlashMap().get("flashError")).asString().startsWith("Say why you need more time");
        assertThat(count("select count(*) from extension_request er join registration r on r.id = er.registration_id "
                + "where r.partner_id = ?", bob.partnerId())).isZero();
    }

    @Test
    void anotherCompanysRegistrationAnswers404() throws Exception {
        UUID theirs = approved(users.newPartnerUser(users.newPartner("US")));
        CurrentUser stranger = users.newPartnerUser(users.newPartner("US"));

        mvc.perform(post("/deals/{id}/extension", theirs).param("version", version(jdbc, theirs))
                .param("reason", "Mine now?").with(csrf()).with(user(stranger))).andExpect(status().isNotFound());
        assertThat(count("select count(*) from extension_request where registration_id = ?", theirs)).isZero();
    }

    private MvcResult ask(CurrentUser partner, UUID id, String reason) throws Exception {
        return mvc.perform(post("/deals/{id}/extension", id).param("version", version(jdbc, id)).param("reason", reason)
                .with(csrf()).with(user(partner))).andExpect(status().is3xxRedirection()).andReturn();
    }

    private org.springframework.test.web.servlet.ResultActions grant(CurrentUser manager, UUID id) throws Exception {
        return mvc.perform(post("/review/extensions/{r}/{q}/grant", id, pendingRequest(id)).with(csrf())
                .with(user(manager)));
    }

    private UUID pendingRequest(UUID id) {
        return jdbc.queryForObject("select id from extension_request where registration_id = ? and status = 'PENDING'",
                UUID.class, id);
    }

    private UUID approved(CurrentUser partner) throws Exception {
        UUID id = submitted(mvc, partner, validDeal());
        review.approve(id, Integer.parseInt(version(jdbc, id)), users.byEmail("maria@dealreg.example").id());
        return id;
    }

    private Instant end(UUID id) {
        return jdbc.queryForObject("select protection_ends_at from registration where id = ?", Timestamp.class, id)
                .toInstant();
    }

    private String receipt(UUID id) {
        return jdbc.queryForObject("select receipt_number from registration where id = ?", String.class, id);
    }

    private int count(String sql, Object arg) {
        return jdbc.queryForObject(sql, Integer.class, arg);
    }
}
