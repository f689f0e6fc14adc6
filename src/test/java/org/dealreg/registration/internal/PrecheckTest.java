package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Set;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.accounts.AccountBook;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The traffic light on the registration form, before the whole form is typed. */
@IntegrationTest
class PrecheckTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountBook book;

    @Test
    void greenAmberOrRedInPlainWordsWithoutSayingWhoHoldsTheCustomer() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        long registrations = jdbc.queryForObject("select count(*) from registration", Long.class);
        long claims = jdbc.queryForObject("select count(*) from customer_claim", Long.class);

        MockHttpServletResponse red = check(partner, "Globex Corporation", "www.globex.example", "US");
        assertThat(red.getContentAsString()).contains("\"light\":\"red\"").contains("already held through an existing relationship")
                .doesNotContain("Sam").doesNotContain("CRM-");
        String owned = "Massive Dynamic " + UUID.randomUUID().toString().substring(0, 6);
        book.upsert("CRM-" + UUID.randomUUID(), owned, "US", Set.of(), users.byEmail("sam@dealreg.example").id());
        assertThat(check(partner, owned + " Inc.", "", "US").getContentAsString()).as("owned by a rep, not engaged")
                .contains("\"light\":\"amber\"");
        assertThat(check(partner, "Brand New Prospect Ltd", "", "US").getContentAsString()).contains("\"light\":\"green\"");

        assertThat(jdbc.queryForObject("select count(*) from registration", Long.class)).isEqualTo(registrations);
        assertThat(jdbc.queryForObject("select count(*) from customer_claim", Long.class)).isEqualTo(claims);
    }

    @Test
    void incompleteInputIsAnsweredWithAMessage() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        MockHttpServletResponse response = check(partner, "", "", "US");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("Type the customer");
        assertThat(check(partner, "Acme", "", "ZZ").getStatus()).isEqualTo(400);
    }

    @Test
    void overThirtyChecksAnHourItSaysWhenItOpensAgain() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        for (int i = 1; i <= 30; i++) {
            assertThat(check(partner, "Prospect " + i, "", "US").getStatus()).as("check " + i).isEqualTo(200);
        }
        MockHttpServletResponse limited = check(partner, "Prospect 31", "", "US");
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getContentAsString()).contains("The hourly limit of checks is reached; checking opens again at");

        CurrentUser colleague = users.newUser(org.dealreg.identity.Role.PARTNER_USER, partner.partnerId());
        assertThat(check(colleague, "Prospect 31", "", "US").getStatus()).as("a colleague has a limit of their own")
                .isEqualTo(200);
    }

    @Test
    void aCompanyCannotMultiplyItsChecksByAddingColleagues() throws Exception {
        org.dealreg.partners.PartnerView company = users.newPartner("US");
        for (int u = 0; u < 4; u++) {
            CurrentUser colleague = users.newPartnerUser(company);
            for (int i = 1; i <= 25; i++) {
                assertThat(check(colleague, "Prospect " + i, "", "US").getStatus()).isEqualTo(200);
            }
        }
        CurrentUser fifth = users.newPartnerUser(company);
        assertThat(check(fifth, "Prospect 101", "", "US").getStatus()).as("100 an hour per company").isEqualTo(429);
    }

    @Test
    void onlyPartnersMayCheck() throws Exception {
        assertThat(check(users.byEmail("sam@dealreg.example"), "Globex", "", "US").getStatus()).isEqualTo(403);
    }

    private MockHttpServletResponse check(CurrentUser user, String name, String website, String country)
            throws Exception {
        return mvc.perform(post("/deals/precheck").param("customerName", name).param("customerWebsite", website)
                .param("customerCountry", country).with(csrf()).with(user(user))).andReturn().getResponse();
    }
}
