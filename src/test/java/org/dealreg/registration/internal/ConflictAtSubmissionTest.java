package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dealreg.registration.internal.DealRegistrationTest.params;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.conflicts.ConflictCheck;
import org.dealreg.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The conflict check as partners meet it when they submit (DESIGN.md §6). */
@IntegrationTest
class ConflictAtSubmissionTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestUsers users;
    @Autowired ConflictCheck conflicts;

    @Test
    void theThreeDemoAccountsGiveTheVerdictsTheirStatesImplyWhenBobRegistersThem() throws Exception {
        CurrentUser bob = users.byEmail("bob@northwind.example");

        UUID globex = submitted(mvc, bob, customer("Globex Corporation", "https://www.globex.example", "US", "hank@globex.example"));
        UUID initech = submitted(mvc, bob, customer("Initech", "", "US", "peter@initech.example"));
        UUID cge = submitted(mvc, bob, customer("Compagnie Generale des Eaux SA", "cge.example", "FR", "achats@cge.example"));

        assertThat(verdict(globex)).isEqualTo("CONFLICT");
        assertThat(verdict(initech)).isEqualTo("REVIEW");
        assertThat(verdict(cge)).isEqualTo("CONFLICT");
        assertThat(window(globex)).isEqualTo(Duration.ofHours(48));
        assertThat(window(initech)).isEqualTo(Duration.ofHours(48));

        UUID sam = users.byEmail("sam@dealreg.example").id();
        List<Map<String, Object>> matches = jdbc.queryForList(
                "select kind, score, account_owner_id, account_engaged from conflict_match where registration_id = ? "
                        + "and kind like 'ACCOUNT_%' order by kind", globex);
        assertThat(matches).extracting(m -> m.get("kind")).contains("ACCOUNT_DOMAIN", "ACCOUNT_NAME");
        assertThat(matches).allSatisfy(m -> {
            assertThat(m.get("account_owner_id")).isEqualTo(sam);
            assertThat(m.get("account_engaged")).isEqualTo(true);
        });

        String page = page(bob, globex);
        assertThat(page).contains("Likely conflict.").contains("within 48 hours")
                .doesNotContain("Sam Porter").doesNotContain("sam@dealreg.example").doesNotContain("CRM-GLOBEX");
        assertThat(page(bob, initech)).contains("Needs review.").contains("possible overlap");
    }

    @Test
    void aCustomerNobodyHoldsIsClearWithThe24HourPromise() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID id = submitted(mvc, partner, validDeal());
        assertThat(verdict(id)).isEqualTo("CLEAR");
        assertThat(window(id)).isEqualTo(Duration.ofHours(24));
        assertThat(page(partner, id)).contains("No overlap found.");
    }

    @Test
    void aSimilarNameOfAnEngagedAccountNeedsReview() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID id = submitted(mvc, partner, customer("Globexx Corp", "", "US", "someone@gmail.com"));
        assertThat(verdict(id)).isEqualTo("REVIEW");
        assertThat(jdbc.queryForList("select kind from conflict_match where registration_id = ? and account_engaged",
                String.class, id)).containsExactly("ACCOUNT_SIMILAR_NAME");
    }

    @Test
    void aSimilarNameOfAnAccountNobodyIsInContactWithIsListedAfterTheSubmissionAndChangesNothing() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID id = submitted(mvc, partner, customer("Initeck", "", "US", "someone@gmail.com"));

        assertThat(verdict(id)).isEqualTo("CLEAR");
        UUID initech = jdbc.queryForObject("select id from direct_account where crm_id = 'CRM-INITECH'", UUID.class);
        await("the similar names listed after commit").atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select similar_names_listed_at from conflict_report where registration_id = ?", Timestamp.class, id),
                Objects::nonNull);
        assertThat(jdbc.queryForList("select kind, account_id, account_engaged from conflict_match "
                + "where registration_id = ?", id)).containsExactly(
                Map.of("kind", "ACCOUNT_SIMILAR_NAME", "account_id", initech, "account_engaged", false));
        assertThat(verdict(id)).isEqualTo("CLEAR");
    }

    @Test
    void anotherPartnerRegisteringTheSameCustomerLaterGetsAConflictAndNeverSeesWhoHoldsIt() throws Exception {
        CurrentUser first = users.newPartnerUser(users.newPartner("US"));
        CurrentUser second = users.newPartnerUser(users.newPartner("US"));
        Map<String, String> deal = validDeal();
        UUID firstId = submitted(mvc, first, deal);
        Map<String, String> sameCustomer = validDeal();
        sameCustomer.put("customerName", deal.get("customerName").toUpperCase() + " INC.");
        sameCustomer.put("customerWebsite", deal.get("customerWebsite"));
        UUID secondId = submitted(mvc, second, sameCustomer);

        assertThat(verdict(firstId)).isEqualTo("CLEAR");
        assertThat(verdict(secondId)).isEqualTo("CONFLICT");
        assertThat(jdbc.queryForList("select other_registration_id from conflict_match where registration_id = ?",
                UUID.class, secondId)).containsOnly(firstId);
        String page = page(second, secondId);
        assertThat(page).contains("Likely conflict.").doesNotContain(first.partnerId().toString())
                .doesNotContain("Test Partner");
    }

    @Test
    void aPartnerRegisteringACustomerItAlreadyHoldsIsRefusedWithALinkToTheExistingOne() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        Map<String, String> deal = validDeal();
        UUID existing = submitted(mvc, partner, deal);
        long before = count(partner);

        Map<String, String> again = validDeal();
        again.put("customerName", deal.get("customerName"));
        again.put("customerWebsite", "");
        again.put("contactEmail", deal.get("contactEmail"));
        MockHttpServletResponse response = mvc.perform(post("/deals").params(params(again)).with(csrf())
                .with(user(partner))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString())
                .contains("Your company already holds an active registration for this customer.")
                .contains("href=\"/deals/" + existing + "\"");
        assertThat(count(partner)).isEqualTo(before);
    }

    @Test
    void aReleasedClaimFreesTheCustomerForTheNextPartner() throws Exception {
        CurrentUser first = users.newPartnerUser(users.newPartner("US"));
        CurrentUser second = users.newPartnerUser(users.newPartner("US"));
        Map<String, String> deal = validDeal();
        UUID firstId = submitted(mvc, first, deal);
        conflicts.release(firstId, Instant.now());

        assertThat(verdict(submitted(mvc, second, deal))).isEqualTo("CLEAR");
    }

    static Map<String, String> customer(String name, String website, String country, String email) {
        Map<String, String> deal = validDeal();
        deal.put("customerName", name);
        deal.put("customerWebsite", website);
        deal.put("customerCountry", country);
        deal.put("contactEmail", email);
        return deal;
    }


    private String page(CurrentUser user, UUID id) throws Exception {
        return mvc.perform(get("/deals/" + id).with(user(user))).andReturn().getResponse().getContentAsString();
    }

    private String verdict(UUID id) {
        return jdbc.queryForObject("select r.verdict from registration r join conflict_report c "
                + "on c.registration_id = r.id and c.verdict = r.verdict where r.id = ?", String.class, id);
    }

    private Duration window(UUID id) {
        Map<String, Object> row = jdbc.queryForMap("select submitted_at, decision_due_at from registration where id = ?", id);
        return Duration.between(((Timestamp) row.get("submitted_at")).toInstant(),
                ((Timestamp) row.get("decision_due_at")).toInstant());
    }

    private long count(CurrentUser user) {
        return jdbc.queryForObject("select count(*) from registration where partner_id = ?", Long.class, user.partnerId());
    }
}
