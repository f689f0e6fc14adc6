package org.dealreg.joining.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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

/**
 * The applications waiting for a decision page 50 at a time, the oldest first, with how many wait, and a page costs
 * the same few statements for one application as for fifty. The queue is the whole programme's: this test's
 * applications are dated long ago so that they come first, and are declined afterwards.
 */
@IntegrationTest
class ApplicationsPagingTest {

    private static final Pattern ROW = Pattern.compile("href=\"/partners/applications/([0-9a-f-]{36})\"");

    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void theWaitingApplicationsPageFiftyOldestFirstWithTheirCount() {
        CurrentUser manager = users.newUser(Role.CHANNEL_MANAGER, null);
        List<UUID> oldestFirst = new ArrayList<>();
        List<UUID> mine = new ArrayList<>();
        try {
            for (int i = 0; i < 51; i++) {
                oldestFirst.add(application("2001-01-01 00:00:00+00", i));
            }
            mine.addAll(oldestFirst);
            // as many more as leave exactly one application on the last page
            while (count() % 50 != 1) {
                mine.add(application(null, 0));
            }
            long total = count();
            long pages = (total + 49) / 50;
            PortalClient browser = new PortalClient(port);
            assertThat(browser.signIn(manager.email(), TestUsers.PASSWORD)).endsWith("/");
            browser.get("/partners/applications");

            StatementCounter.Page full = StatementCounter.get(browser, "/partners/applications");
            assertThat(full.status()).isEqualTo(200);
            assertThat(waiting(full.body())).isEqualTo(oldestFirst.subList(0, 50));
            assertThat(full.body()).contains(total + " applications waiting").contains("Page 1 of " + pages)
                    .contains("href=\"/partners/applications?page=1\"").contains("Recently decided");

            String second = browser.get("/partners/applications?page=1").body();
            assertThat(waiting(second).get(0)).isEqualTo(oldestFirst.get(50));
            assertThat(second).contains(total + " applications waiting").contains("Page 2 of " + pages);

            assertThat(ListPages.everyPage(browser, "/partners/applications", pages, ApplicationsPagingTest::waiting)).as("every page in turn: every waiting application once, in the database's order")
                    .isEqualTo(jdbc.queryForList("select id from partner_application where status = 'PENDING' "
                            + "order by submitted_at, id", UUID.class));

            StatementCounter.Page one = StatementCounter.get(browser, "/partners/applications?page=" + (pages - 1));
            assertThat(waiting(one.body())).hasSize(1);
            ListPages.sameStatementsForOneRowAsForAFullPage("Applications", full, one);
            ListPages.pastTheEndIsTheLastPageAndNoNumberTheFirst(browser, "/partners/applications", pages,
                    ApplicationsPagingTest::waiting, oldestFirst.subList(0, 50), waiting(one.body()));
            assertThat(browser.get("/partners/applications?lang=fr").body())
                    .contains(total + " candidatures en attente").contains("Page 1 sur " + pages);

            for (CurrentUser other : List.of(users.newUser(Role.SALES_REP, null),
                    users.newPartnerUser(users.newPartner("US")))) {
                PortalClient client = new PortalClient(port);
                client.signIn(other.email(), TestUsers.PASSWORD);
                assertThat(client.get("/partners/applications?page=1").statusCode()).isEqualTo(403);
            }
            PortalClient admin = new PortalClient(port);
            admin.signIn(users.newUser(Role.PROGRAM_ADMIN, null).email(), TestUsers.PASSWORD);
            assertThat(admin.get("/partners/applications?page=1").statusCode()).as("the programme admin may look")
                    .isEqualTo(200);
        } finally {
            // decided, so that they leave the shared queue to the other tests
            jdbc.update("update partner_application set status = 'DECLINED', decided_at = now(), "
                    + "decline_reason = 'Tested.' where id = any(?)", (Object) mine.toArray(UUID[]::new));
        }
    }

    /** A waiting application of a company of its own, submitted at {@code day} plus {@code seconds} (null: now). */
    private UUID application(String day, int seconds) {
        PartnerView company = users.newPartner("US");
        UUID id = UUID.randomUUID();
        jdbc.update("insert into partner_application (id, partner_id, status, contact_name, contact_email, submitted_at) "
                + "values (?, ?, 'PENDING', 'Applicant', ?, coalesce(?::timestamptz, now()) + ? * interval '1 second')",
                id, company.id(), "applicant-" + id + "@test.example", day, seconds);
        return id;
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from partner_application where status = 'PENDING'", Long.class);
    }

    /** The waiting applications a page lists (the recently decided ones below them are not paged). */
    private static List<UUID> waiting(String page) {
        int decided = page.indexOf("id=\"decided-applications\"");
        String queue = decided < 0 ? page : page.substring(0, decided);
        return ListPages.ids(ROW, queue);
    }
}
