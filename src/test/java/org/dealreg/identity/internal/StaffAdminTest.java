package org.dealreg.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.PortalClient;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /admin/staff}: the vendor's accounts are created, deactivated and re-roled, never into a partner role. */
@IntegrationTest
class StaffAdminTest {

    static final String PASSWORD = "a-first-password-42";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void theAdminInvitesAStaffMemberWhoSetsAPasswordSignsInAndIsListedWithoutAnyPartnerUser() throws Exception {
        String email = "new.manager-" + UUID.randomUUID() + "@dealreg.example";
        MockHttpServletResponse created = call(create("Nora Lenoir", email, "CHANNEL_MANAGER", "fr", "Europe/Paris")
                .param("password", "forged-password-1")
                .param("partnerId", users.byEmail("bob@northwind.example").partnerId().toString()));
        assertThat(created.getRedirectedUrl()).isEqualTo("/admin/staff");

        Map<String, Object> row = jdbc.queryForMap("select * from app_user where email = ?", email);
        assertThat(row.get("role")).isEqualTo("CHANNEL_MANAGER");
        assertThat(row.get("partner_id")).as("a forged company is ignored").isNull();
        assertThat(row.get("locale")).isEqualTo("fr");
        assertThat(row.get("time_zone")).isEqualTo("Europe/Paris");
        assertThat(row.get("enabled")).isEqualTo(true);
        assertThat(row.get("password_set")).isEqualTo(false);
        assertThat(new PortalClient(port).signIn(email, "forged-password-1")).as("no password is set by the form")
                .contains("/login?error");
        String link = org.dealreg.InvitationLinks.latestFor(jdbc, email);
        PortalClient invitee = new PortalClient(port);
        invitee.get(link);
        invitee.post(link, Map.of("password", PASSWORD, "confirmation", PASSWORD));
        assertThat(new PortalClient(port).signIn(email, PASSWORD)).endsWith("/");
        assertThat(jdbc.queryForObject("select actor_id from audit_event where action = 'STAFF_CREATED' and subject_id = ?",
                UUID.class, row.get("id").toString())).isEqualTo(ada().id());

        String list = everyStaffPage();
        assertThat(list).contains(email).contains("maria@dealreg.example").contains("ada@dealreg.example")
                .doesNotContain("bob@northwind.example").doesNotContain("claire@fabrikam.example");
    }

    @Test
    void aPartnerRoleAForgedRoleOrATakenEmailIsRefusedAndNothingIsStored() throws Exception {
        long before = jdbc.queryForObject("select count(*) from app_user", Long.class);
        String email = "refused-" + UUID.randomUUID() + "@dealreg.example";
        assertThat(page(create("X", email, "PARTNER_ADMIN", "en", "UTC"))).contains("id=\"role-error\"")
                .contains("Nothing was stored");
        assertThat(page(create("X", email, "ROOT", "en", "UTC"))).contains("id=\"role-error\"");
        assertThat(page(create("X", email, "SALES_REP", "de", "UTC"))).contains("id=\"locale-error\"");
        assertThat(page(create("X", email, "SALES_REP", "en", "Mars/Olympus"))).contains("id=\"timeZone-error\"");
        assertThat(page(create("", "not an e-mail", "SALES_REP", "en", "UTC"))).contains("id=\"email-error\"")
                .contains("id=\"displayName-error\"");
        assertThat(page(create("X", "MARIA@dealreg.example", "SALES_REP", "en", "UTC")))
                .contains("id=\"email-error\"").contains("exists already");
        assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class)).isEqualTo(before);
    }

    @Test
    void anInvitedColleagueGetsANewLinkAndNoAdminChangesTheirOwnRole() throws Exception {
        String email = "invited.admin-" + UUID.randomUUID() + "@dealreg.example";
        call(create("Ivo Invited", email, "PROGRAM_ADMIN", "en", "UTC"));
        UUID id = jdbc.queryForObject("select id from app_user where email = ?", UUID.class, email);
        String first = org.dealreg.InvitationLinks.latestFor(jdbc, email);
        String list = everyStaffPage();
        int row = list.indexOf("id=\"staff-" + id + "\"");
        assertThat(list.substring(row, list.indexOf("</tr>", row))).contains("Invited (no password yet)");

        call(post("/admin/staff/" + id + "/reinvite"));
        String second = org.dealreg.InvitationLinks.latestFor(jdbc, email);
        assertThat(second).isNotEqualTo(first);
        assertThat(new PortalClient(port).get(first).statusCode()).as("the earlier link no longer works").isNotEqualTo(200);

        CurrentUser ada = ada();
        assertThat(flashError(post("/admin/staff/" + ada.id() + "/role").param("role", "SALES_REP")))
                .as("not one's own role").contains("You cannot change your own role");
        assertThat(role(ada.id())).isEqualTo("PROGRAM_ADMIN");
    }

    @Test
    void aDeactivatedStaffUserCannotSignInUntilReactivated() throws Exception {
        CurrentUser rep = users.newUser(Role.SALES_REP, null);
        assertThat(call(post("/admin/staff/" + rep.id() + "/deactivate")).getRedirectedUrl()).isEqualTo("/admin/staff");
        assertThat(users.byEmail(rep.email()).isEnabled()).isFalse();
        assertThat(new PortalClient(port).signIn(rep.email(), TestUsers.PASSWORD)).contains("/login?error");

        call(post("/admin/staff/" + rep.id() + "/reactivate"));
        assertThat(users.byEmail(rep.email()).isEnabled()).isTrue();
        assertThat(new PortalClient(port).signIn(rep.email(), TestUsers.PASSWORD)).endsWith("/");
        assertThat(jdbc.queryForList("select action from audit_event where subject_id = ? order by seq", String.class,
                rep.id().toString())).containsSubsequence("STAFF_DEACTIVATED", "STAFF_REACTIVATED");
    }

    @Test
    void theRoleChangesAmongStaffRolesOnlyAndPartnerUsersAreNotStaff() throws Exception {
        CurrentUser manager = users.newUser(Role.CHANNEL_MANAGER, null);
        call(post("/admin/staff/" + manager.id() + "/role").param("role", "SALES_REP"));
        assertThat(role(manager.id())).isEqualTo("SALES_REP");
        assertThat(jdbc.queryForObject("select details from audit_event where action = 'STAFF_ROLE_CHANGED' "
                + "and subject_id = ?", String.class, manager.id().toString())).isEqualTo("from=CHANNEL_MANAGER to=SALES_REP");

        for (String forged : List.of("PARTNER_ADMIN", "PARTNER_USER", "SUPERUSER", "")) {
            assertThat(flashError(post("/admin/staff/" + manager.id() + "/role").param("role", forged))).as(forged).isEqualTo(
                    "Choose a staff role: channel manager, sales rep or programme admin.");
            assertThat(role(manager.id())).as(forged).isEqualTo("SALES_REP");
        }

        CurrentUser bob = users.byEmail("bob@northwind.example");
        assertThat(call(post("/admin/staff/" + bob.id() + "/role").param("role", "PROGRAM_ADMIN")).getStatus())
                .isEqualTo(404);
        assertThat(call(post("/admin/staff/" + bob.id() + "/deactivate")).getStatus()).isEqualTo(404);
        assertThat(call(post("/admin/staff/not-an-id/deactivate")).getStatus()).isEqualTo(404);
        assertThat(role(bob.id())).isEqualTo("PARTNER_USER");
        assertThat(users.byEmail(bob.email()).isEnabled()).isTrue();
    }

    @Test
    void theAdminCannotDeactivateThemselvesNorDemoteTheLastProgrammeAdmin() throws Exception {
        CurrentUser ada = ada();
        assertThat(flashError(post("/admin/staff/" + ada.id() + "/deactivate"))).isEqualTo("You cannot deactivate your own account.");
        assertThat(users.byEmail(ada.email()).isEnabled()).isTrue();

        List<UUID> others = jdbc.queryForList("update app_user set enabled = false where role = 'PROGRAM_ADMIN' "
                + "and enabled and id <> ? returning id", UUID.class, ada.id());
        try {
            assertThat(flashError(post("/admin/staff/" + ada.id() + "/role").param("role", "SALES_REP")))
                    .contains("You cannot change your own role");
            assertThat(role(ada.id())).isEqualTo("PROGRAM_ADMIN");
        } finally {
            others.forEach(id -> jdbc.update("update app_user set enabled = true where id = ?", id));
        }
    }

    private MockHttpServletRequestBuilder create(String name, String email, String role, String locale, String zone) {
        return post("/admin/staff").param("displayName", name).param("email", email).param("role", role)
                .param("locale", locale).param("timeZone", zone);
    }

    private String role(UUID id) {
        return jdbc.queryForObject("select role from app_user where id = ?", String.class, id);
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(user(ada()))).andReturn().getResponse();
    }

    /** The refusal shown on the list after the redirect; null when the action was done. */
    private String flashError(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(csrf()).with(user(ada()))).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/staff");
        return (String) result.getFlashMap().get("flashError");
    }

    /** The staff list, 50 a page (docs/lists.md): every page of it, one after the other. */
    private String everyStaffPage() throws Exception {
        long staff = jdbc.queryForObject("select count(*) from app_user where partner_id is null", Long.class);
        StringBuilder pages = new StringBuilder();
        for (long page = 0; page * 50 < staff; page++) {
            pages.append(page(get("/admin/staff").param("page", String.valueOf(page))));
        }
        return pages.toString();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return call(request).getContentAsString();
    }

    private CurrentUser ada() {
        return users.byEmail("ada@dealreg.example");
    }
}
