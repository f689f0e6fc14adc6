package org.dealreg.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.accounts.AccountBook;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.partners.PartnerView;
import org.dealreg.registration.internal.DealRegistrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class SalesRepAccountsTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired AccountBook book;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aRepFindsWhoOwnsACustomerByNameWithATypoOrByDomain() throws Exception {
        CurrentUser sam = users.byEmail("sam@dealreg.example");
        String typo = page(get("/accounts").param("q", "Globx Corp"), sam);
        assertThat(typo).contains("Globex Corporation").contains("Sam Porter").contains("Engaged");
        String byDomain = page(get("/accounts").param("q", "https://www.initech.example/contact"), sam);
        assertThat(byDomain).contains("Initech LLC").contains("Not engaged");
        assertThat(page(get("/accounts"), sam)).as("with no query, the rep's own accounts").contains("Acme Energy Inc.");
        assertThat(page(get("/accounts").param("q", "qwxzv unknown"), sam)).contains("No account matches.");
    }

    @Test
    void noRepPageEverShowsAnythingOfAPartnersRegistration() throws Exception {
        String sentinel = "SENTINEL" + UUID.randomUUID().toString().substring(0, 8);
        PartnerView partner = users.newPartner("US");
        CurrentUser reseller = users.newPartnerUser(partner);
        CurrentUser sam = users.byEmail("sam@dealreg.example");
        String company = "Tyrell" + UUID.randomUUID().toString().substring(0, 6);
        UUID account = book.upsert("CRM-" + UUID.randomUUID(), company + " Corporation", "US",
                Set.of(company.toLowerCase() + ".example"), sam.id());
        Map<String, String> deal = new java.util.HashMap<>(org.dealreg.registration.internal.DealRegistrationTest.validDeal());
        deal.put("customerName", company + " Corporation");
        deal.put("customerWebsite", company.toLowerCase() + ".example");
        deal.put("title", sentinel + " title");
        deal.put("description", sentinel + " description");
        deal.put("contactName", sentinel + " contact");
        DealRegistrationTestSupport.submit(mvc, reseller, deal);

        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {get("/accounts"),
                get("/accounts").param("q", company), get("/accounts").param("q", company.toLowerCase() + ".example"),
                get("/accounts/" + account), get("/")}) {
            String page = page(request, sam);
            assertThat(page).doesNotContain(sentinel).doesNotContain(partner.legalName());
        }
        assertThat(page(get("/accounts").param("q", company), sam)).as("the account itself is found")
                .contains(company + " Corporation");
        assertThat(page(get("/accounts").param("q", sentinel), sam)).as("searching what a partner typed finds nothing")
                .contains("No account matches.").doesNotContain(partner.legalName());
    }

    @Test
    void theOwnerRecordsAndEndsAnEngagementAndAnotherRepCannot() throws Exception {
        CurrentUser sam = users.byEmail("sam@dealreg.example");
        CurrentUser otherRep = users.newUser(Role.SALES_REP, null);
        UUID account = book.upsert("CRM-TEST-" + UUID.randomUUID(), "Soylent Foods " + UUID.randomUUID().toString()
                .substring(0, 6), "US", Set.of(), sam.id());

        assertThat(page(get("/accounts/" + account), sam)).contains("Not engaged").contains("id=\"record-contact\"");
        assertThat(page(get("/accounts/" + account), otherRep)).doesNotContain("id=\"record-contact\"");

        MockHttpServletResponse refused = call(post("/accounts/" + account + "/contact").with(csrf()), otherRep);
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(openEngagements(account)).isZero();
        assertThat(engagementOpen(account)).isFalse();

        call(post("/accounts/" + account + "/contact").with(csrf()), sam);
        assertThat(openEngagements(account)).isEqualTo(1);
        assertThat(engagementOpen(account)).as("the flag the verdict's similar-name search reads").isTrue();
        assertThat(page(get("/accounts/" + account), sam)).contains("In contact since");

        call(post("/accounts/" + account + "/end-engagement").with(csrf()), sam);
        assertThat(openEngagements(account)).isZero();
        assertThat(engagementOpen(account)).isFalse();
        assertThat(page(get("/accounts/" + account), sam)).contains("Not engaged");
    }

    private boolean engagementOpen(UUID account) {
        return jdbc.queryForObject("select engagement_open from direct_account where id = ?", Boolean.class, account);
    }

    @Test
    void partnersCannotReachTheAccountPages() throws Exception {
        CurrentUser bob = users.byEmail("bob@northwind.example");
        assertThat(call(get("/accounts"), bob).getStatus()).isEqualTo(403);
        assertThat(call(get("/accounts").param("q", "globex"), bob).getStatus()).isEqualTo(403);
        assertThat(call(get("/admin/accounts/import"), users.byEmail("sam@dealreg.example")).getStatus()).isEqualTo(403);
    }

    private long openEngagements(UUID account) {
        return jdbc.queryForObject("select count(*) from engagement where account_id = ? and ended_on is null",
                Long.class, account);
    }

    private String page(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
        MockHttpServletResponse response = call(request, user);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
        return mvc.perform(request.with(user(user))).andReturn().getResponse();
    }
}
