package org.dealreg.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The programme admin's pages answer 403 to everyone else, for reading and for every change. */
@IntegrationTest
class AdminPagesAccessTest {

    static final List<String> PAGES = List.of("/admin", "/admin/settings", "/admin/specializations",
            "/admin/specializations/INFRASTRUCTURE", "/admin/regions", "/admin/regions/FR", "/admin/staff");

    static final List<String> CHANGES = List.of("/admin/settings", "/admin/specializations",
            "/admin/specializations/INFRASTRUCTURE", "/admin/specializations/INFRASTRUCTURE/retire",
            "/admin/specializations/INFRASTRUCTURE/reactivate", "/admin/regions/rates", "/admin/regions/FR/launch-date",
            "/admin/regions/FR/holidays", "/admin/regions/FR/holidays/2027-12-25/remove", "/admin/staff",
            "/admin/staff/00000000-0000-0000-0000-000000000000/deactivate",
            "/admin/staff/00000000-0000-0000-0000-000000000000/role");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    @Test
    void everyoneButTheProgrammeAdminGets403OnEveryAdminPageAndChange() throws Exception {
        for (String email : List.of("maria@dealreg.example", "sam@dealreg.example", "bob@northwind.example",
                "alice@northwind.example")) {
            CurrentUser someone = users.byEmail(email);
            for (String page : PAGES) {
                assertThat(status(get(page), someone)).as(email + " GET " + page).isEqualTo(403);
            }
            for (String change : CHANGES) {
                assertThat(status(post(change).param("launchDate", "2020-01-01").param("role", "PROGRAM_ADMIN"),
                        someone)).as(email + " POST " + change).isEqualTo(403);
            }
        }
    }

    @Test
    void theProgrammeAdminOpensEveryPageFromOneLinkInTheMenu() throws Exception {
        CurrentUser ada = users.byEmail("ada@dealreg.example");
        for (String page : PAGES) {
            assertThat(status(get(page), ada)).as(page).isEqualTo(200);
        }
        String index = mvc.perform(get("/admin").with(user(ada))).andReturn().getResponse().getContentAsString();
        assertThat(index).contains("id=\"nav-programme\"").contains("href=\"/admin/settings\"")
                .contains("href=\"/admin/specializations\"").contains("href=\"/admin/regions\"")
                .contains("href=\"/admin/staff\"").contains("href=\"/admin/accounts/import\"")
                .contains("href=\"/admin/audit\"");
        String french = mvc.perform(get("/admin/settings").with(user(ada)).param("lang", "fr")).andReturn()
                .getResponse().getContentAsString();
        assertThat(french).contains("Paramètres du programme").contains("Montant minimum d’une affaire (USD)");
        String maria = mvc.perform(get("/").with(user(users.byEmail("maria@dealreg.example")))).andReturn()
                .getResponse().getContentAsString();
        assertThat(maria).doesNotContain("id=\"nav-programme\"");
    }

    private int status(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
        return mvc.perform(request.with(csrf()).with(user(user))).andReturn().getResponse().getStatus();
    }
}
