package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.version;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A partner takes back a registration the vendor has not answered (DESIGN.md §4); the customer is free again. */
@IntegrationTest
class WithdrawTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aWithdrawnRegistrationFreesTheCustomerAndSaysSo() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        Map<String, String> deal = validDeal();
        UUID id = submitted(mvc, partner, deal);
        assertThat(page(partner, id)).contains("id=\"withdraw\"");

        MvcResult result = withdraw(partner, id, version(jdbc, id));
        assertThat(result.getFlashMap().get("flash")).isEqualTo("deal.withdrawn");

        Map<String, Object> row = jdbc.queryForMap("select status, ended_at, decided_by from registration where id = ?", id);
        assertThat(row.get("status")).isEqualTo("WITHDRAWN");
        assertThat(row.get("ended_at")).isNotNull();
        assertThat(row.get("decided_by")).as("nobody at the vendor decided").isNull();
        assertThat(jdbc.queryForList("select action from registration_history where registration_id = ? order by id",
                String.class, id)).containsExactly("SUBMITTED", "WITHDRAWN");
        assertThat(page(partner, id)).contains("Withdrawn on").doesNotContain("id=\"withdraw\"")
                .doesNotContain("id=\"countdown\"");

        CurrentUser another = users.newPartnerUser(users.newPartner("US"));
        UUID next = submitted(mvc, another, deal);
        assertThat(jdbc.queryForObject("select verdict from registration where id = ?", String.class, next))
                .as("the customer is no longer held").isEqualTo("CLEAR");
    }

    @Test
    void aRegistrationCannotBeWithdrawnTwiceNorAfterADecision() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID id = submitted(mvc, partner, validDeal());
        String seen = version(jdbc, id);
        withdraw(partner, id, seen);

        MvcResult again = withdraw(partner, id, seen);
        assertThat(again.getFlashMap().get("flashError"))
                .isEqualTo("This registration can no longer be withdrawn: it is now “Withdrawn”.");
        assertThat(jdbc.queryForObject("select count(*) from registration_history where registration_id = ?",
                Integer.class, id)).isEqualTo(2);
    }

    @Test
    void anotherCompanysRegistrationAnswers404AndStaysAsItWas() throws Exception {
        CurrentUser owner = users.newPartnerUser(users.newPartner("US"));
        CurrentUser stranger = users.newPartnerUser(users.newPartner("US"));
        UUID id = submitted(mvc, owner, validDeal());

        int status = mvc.perform(post("/deals/" + id + "/withdraw").param("version", version(jdbc, id)).with(csrf())
                .with(user(stranger))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(404);
        int withoutCsrf = mvc.perform(post("/deals/" + id + "/withdraw").param("version", version(jdbc, id))
                .with(user(owner))).andReturn().getResponse().getStatus();
        assertThat(withoutCsrf).isEqualTo(403);
        assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, id))
                .isEqualTo("SUBMITTED");
    }

    private MvcResult withdraw(CurrentUser user, UUID id, String version) throws Exception {
        return mvc.perform(post("/deals/" + id + "/withdraw").param("version", version).with(csrf()).with(user(user)))
                .andReturn();
    }


    private String page(CurrentUser user, UUID id) throws Exception {
        return mvc.perform(get("/deals/" + id).with(user(user))).andReturn().getResponse().getContentAsString();
    }

}
