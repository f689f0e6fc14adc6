package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 11, defect 11: "Globx Corp", with no website and a free-mail contact, came back green and CLEAR although direct
 * sales is engaged with Globex Corporation, and a CLEAR registration is approved by the programme at its deadline.
 */
@IntegrationTest
class MistypedEngagedCustomerTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestUsers users;

    @Test
    void aTypoOfAnEngagedCustomersNameIsAmberBeforeAndNeedsReviewAfterSubmission() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));

        String precheck = mvc.perform(post("/deals/precheck").param("customerName", "Globx Corp")
                .param("customerWebsite", "").param("customerCountry", "US").with(csrf()).with(user(partner)))
                .andReturn().getResponse().getContentAsString();
        assertThat(precheck).contains("\"light\":\"amber\"").contains("possible overlap").doesNotContain("Globex");

        Map<String, String> deal = ConflictAtSubmissionTest.customer("Globx Corp", "", "US", "purchasing.globx@gmail.com");
        UUID id = submitted(mvc, partner, deal);

        assertThat(jdbc.queryForObject("select verdict from registration where id = ?", String.class, id))
                .isEqualTo("REVIEW");
        UUID globex = jdbc.queryForObject("select id from direct_account where crm_id = 'CRM-GLOBEX'", UUID.class);
        List<Map<String, Object>> matches = jdbc.queryForList("select kind, account_id, account_engaged from conflict_match "
                + "where registration_id = ? and account_engaged", id);
        assertThat(matches).containsExactly(
                Map.of("kind", "ACCOUNT_SIMILAR_NAME", "account_id", globex, "account_engaged", true));
        String page = mvc.perform(get("/deals/" + id).with(user(partner))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Needs review.").doesNotContain("Globex").doesNotContain("Sam Porter");
    }

    @Test
    void aDistinctCompanySharingAWordWithAnEngagedAccountStaysGreenAndClear() throws Exception {
        assertThat(jdbc.queryForObject("select engagement_open from direct_account where name = 'Apex Financial Inc.'",
                Boolean.class)).as("the demo's engaged Apex Financial").isTrue();
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        String name = "Apex Dental Care " + UUID.randomUUID().toString().substring(0, 4);

        String precheck = mvc.perform(post("/deals/precheck").param("customerName", name)
                .param("customerWebsite", "").param("customerCountry", "US").with(csrf()).with(user(partner)))
                .andReturn().getResponse().getContentAsString();
        assertThat(precheck).contains("\"light\":\"green\"");

        UUID id = submitted(mvc, partner, ConflictAtSubmissionTest.customer(name, "", "US", "buyer@gmail.com"));
        assertThat(jdbc.queryForObject("select verdict from registration where id = ?", String.class, id))
                .isEqualTo("CLEAR");
    }
}
