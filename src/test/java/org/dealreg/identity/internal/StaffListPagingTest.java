package org.dealreg.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.dealreg.IntegrationTest;
import org.dealreg.ListPages;
import org.dealreg.PortalClient;
import org.dealreg.StatementCounter;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staff accounts page 50 at a time by name, says how many there are, and a page costs the same few statements
 * for one account as for fifty. The list is the whole programme's (the other tests add staff to the shared database):
 * this test's accounts are named to come first, and the rest is checked against the database.
 */
@IntegrationTest
class StaffListPagingTest {

    private static final Pattern ROW = Pattern.compile("<tr id=\"staff-([0-9a-f-]{36})\"");

    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void staffAccountsPageFiftyByNameWithTheirCountAndAPageOfOneCostsWhatAPageOfFiftyCosts() {
        CurrentUser admin = users.newUser(Role.PROGRAM_ADMIN, null);
        List<UUID> first = new ArrayList<>();
        for (int i = 1; i <= 51; i++) {
            first.add(staff("0000 Paging %02d".formatted(i)));
        }
        // as many more as leave exactly one account on the last page
        while (count() % 50 != 1) {
            staff("zzzz Paging filler");
        }
        long total = count();
        long pages = (total + 49) / 50;
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(admin.email(), TestUsers.PASSWORD)).endsWith("/");
        browser.get("/admin/staff");

        StatementCounter.Page full = StatementCounter.get(browser, "/admin/staff");
        assertThat(full.status()).isEqualTo(200);
        assertThat(rows(full.body())).as("the 50 first by name").isEqualTo(first.subList(0, 50));
        assertThat(full.body()).contains(english(total) + " staff accounts").contains("Page 1 of " + pages)
                .contains("href=\"/admin/staff?page=1\"");

        String second = browser.get("/admin/staff?page=1").body();
        assertThat(rows(second).get(0)).isEqualTo(first.get(50));
        assertThat(second).contains(english(total) + " staff accounts").contains("Page 2 of " + pages)
                .contains("href=\"/admin/staff?page=0\"");

        assertThat(ListPages.everyPage(browser, "/admin/staff", pages, StaffListPagingTest::rows)).as("every page in turn: every account once, in the database's order")
                .isEqualTo(jdbc.queryForList("select id from app_user where partner_id is null "
                        + "order by lower(display_name), lower(email)", UUID.class));

        StatementCounter.Page one = StatementCounter.get(browser, "/admin/staff?page=" + (pages - 1));
        assertThat(rows(one.body())).hasSize(1);
        ListPages.sameStatementsForOneRowAsForAFullPage("Staff list", full, one);
        ListPages.pastTheEndIsTheLastPageAndNoNumberTheFirst(browser, "/admin/staff", pages,
                StaffListPagingTest::rows, first.subList(0, 50), rows(one.body()));
        assertThat(browser.get("/admin/staff?lang=fr").body())
                .contains(ListPages.number(total, Locale.FRENCH) + " comptes du personnel")
                .contains("Page 1 sur " + pages);
    }

    @Test
    void theStaffListStaysTheProgrammeAdminsOnly() {
        for (CurrentUser other : List.of(users.newUser(Role.CHANNEL_MANAGER, null), users.newUser(Role.SALES_REP, null),
                users.newPartnerUser(users.newPartner("US")))) {
            PortalClient browser = new PortalClient(port);
            browser.signIn(other.email(), TestUsers.PASSWORD);
            assertThat(browser.get("/admin/staff?page=1").statusCode()).as(other.role().name()).isEqualTo(403);
        }
    }

    /** A staff account straight into the table: the list reads the rows, however they came. */
    private UUID staff(String name) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into app_user (id, email, password_hash, display_name, role, locale, time_zone) "
                + "values (?, ?, 'unusable', ?, 'SALES_REP', 'en', 'UTC')", id, "paging-" + id + "@test.example", name);
        return id;
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from app_user where partner_id is null", Long.class);
    }

    private static String english(long n) {
        return ListPages.number(n, Locale.ENGLISH);
    }

    private static List<UUID> rows(String page) {
        return ListPages.ids(ROW, page);
    }
}
