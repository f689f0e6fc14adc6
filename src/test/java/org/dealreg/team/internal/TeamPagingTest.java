package org.dealreg.team.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.dealreg.IntegrationTest;
import org.dealreg.ListPages;
import org.dealreg.PortalClient;
import org.dealreg.StatementCounter;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.partners.PartnerView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A partner admin's users page 20 at a time by name, their own company's only, says how many there are, shows what
 * each user on the page registered, and a page costs the same few statements for one user as for twenty.
 */
@IntegrationTest
class TeamPagingTest {

    private static final Pattern ROW = Pattern.compile("id=\"member-([0-9a-f-]{36})\"");

    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @LocalServerPort int port;

    @Test
    void theAdminSeesTwentyOfTheirCompanysUsersAPageWithTheCountAndWhatEachRegistered() throws Exception {
        PartnerView company = users.newPartner("US");
        PartnerView other = users.newPartner("US");
        List<UUID> byName = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            byName.add(user(company, "Member %02d".formatted(i)));
        }
        UUID stranger = user(other, "Member 00 of another company");
        // "Test PARTNER_ADMIN": after the members, alone on the second page
        CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, company.id());
        byName.add(admin.id());
        UUID fifth = byName.get(4);
        String fifthsReceipt = receipt(submitted(mvc, users.byEmail(email(fifth)), validDeal()));
        submitted(mvc, admin, validDeal());
        String adminsLatest = receipt(submitted(mvc, admin, validDeal()));
        submitted(mvc, users.byEmail(email(stranger)), validDeal());

        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(admin.email(), TestUsers.PASSWORD)).endsWith("/");
        browser.get("/team");

        StatementCounter.Page full = StatementCounter.get(browser, "/team");
        assertThat(rows(full.body())).isEqualTo(byName.subList(0, 20));
        assertThat(full.body()).contains("21 users").contains("Page 1 of 2").contains("href=\"/team?page=1\"")
                .contains(fifthsReceipt).doesNotContain(email(stranger)).doesNotContain(adminsLatest);
        assertThat(memberRow(full.body(), fifth)).contains("1 registration").contains(fifthsReceipt);
        assertThat(memberRow(full.body(), byName.get(0))).contains("No registration");

        StatementCounter.Page one = StatementCounter.get(browser, "/team?page=1");
        assertThat(rows(one.body())).containsExactly(admin.id());
        assertThat(one.body()).contains("21 users").contains("Page 2 of 2").contains("href=\"/team?page=0\"")
                .contains("2 registrations").contains(adminsLatest).doesNotContain(fifthsReceipt);

        ListPages.sameStatementsForOneRowAsForAFullPage("Team", full, one);
        ListPages.pastTheEndIsTheLastPageAndNoNumberTheFirst(browser, "/team", 2, TeamPagingTest::rows,
                byName.subList(0, 20), List.of(admin.id()));
        assertThat(browser.get("/team?lang=fr").body()).contains("21 utilisateurs").contains("Page 1 sur 2");

        browser.get("/team");
        assertThat(browser.post("/team/" + stranger + "/deactivate", Map.of()).statusCode())
                .as("another company's user is not found").isEqualTo(404);
    }

    private UUID user(PartnerView partner, String name) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into app_user (id, email, password_hash, display_name, role, partner_id, locale, time_zone) "
                + "values (?, ?, 'unusable', ?, 'PARTNER_USER', ?, 'en', 'UTC')", id, "member-" + id + "@test.example",
                name, partner.id());
        return id;
    }

    private String email(UUID user) {
        return jdbc.queryForObject("select email from app_user where id = ?", String.class, user);
    }

    private String receipt(UUID registration) {
        return jdbc.queryForObject("select receipt_number from registration where id = ?", String.class, registration);
    }

    /** The row of one user on the page. */
    private static String memberRow(String page, UUID user) {
        int start = page.indexOf("id=\"member-" + user + "\"");
        assertThat(start).as("the user's row").isNotNegative();
        int end = page.indexOf("</tr>", start);
        return page.substring(start, end);
    }

    private static List<UUID> rows(String page) {
        return ListPages.ids(ROW, page);
    }
}
