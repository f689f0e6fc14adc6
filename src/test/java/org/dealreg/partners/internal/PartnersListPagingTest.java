package org.dealreg.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.dealreg.IntegrationTest;
import org.dealreg.ListPages;
import org.dealreg.PortalClient;
import org.dealreg.StatementCounter;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.partners.Partners;
import org.dealreg.partners.Tier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The managers' list of every partner pages 50 at a time, by status then name, with how many there are, and a page
 * costs the same few statements for one partner as for fifty (it read every partner, and each one's specialisations
 * by a statement of its own). The list is the whole programme's: this test's partners are named to come first.
 */
@IntegrationTest
class PartnersListPagingTest {

    private static final Pattern ROW = Pattern.compile("<a href=\"/partners/([0-9a-f-]{36})\"");

    @Autowired TestUsers users;
    @Autowired Partners partners;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void everyPartnerPagesFiftyByStatusThenNameWithTheCount() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<UUID> first = new ArrayList<>();
        for (int i = 1; i <= 51; i++) {
            first.add(partners.addActive("0000 Paging %s %02d".formatted(tag, i), "US", Tier.REGISTERED,
                    Set.of("MANAGED_SERVICES", "INFRASTRUCTURE")).id());
        }
        // as many more as leave exactly one partner on the last page
        while (count() % 50 != 1) {
            partners.addActive("zzzz Paging filler " + UUID.randomUUID(), "US", Tier.REGISTERED, Set.of());
        }
        long total = count();
        long pages = (total + 49) / 50;
        CurrentUser manager = users.newUser(Role.CHANNEL_MANAGER, null);
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(manager.email(), TestUsers.PASSWORD)).endsWith("/");
        browser.get("/partners");

        StatementCounter.Page full = StatementCounter.get(browser, "/partners");
        assertThat(full.status()).isEqualTo(200);
        assertThat(rows(full.body())).isEqualTo(first.subList(0, 50));
        assertThat(full.body()).contains(english(total) + " partners").contains("Page 1 of " + pages)
                .contains("href=\"/partners?page=1\"").contains("0000 Paging " + tag + " 01");

        String second = browser.get("/partners?page=1").body();
        assertThat(rows(second).get(0)).isEqualTo(first.get(50));
        assertThat(second).contains(english(total) + " partners").contains("Page 2 of " + pages);

        assertThat(ListPages.everyPage(browser, "/partners", pages, PartnersListPagingTest::rows)).as("every page in turn: every partner once, in the database's order")
                .isEqualTo(jdbc.queryForList("select id from partner order by status, lower(legal_name)", UUID.class));

        StatementCounter.Page one = StatementCounter.get(browser, "/partners?page=" + (pages - 1));
        assertThat(rows(one.body())).hasSize(1);
        ListPages.sameStatementsForOneRowAsForAFullPage("Partners list", full, one);
        ListPages.pastTheEndIsTheLastPageAndNoNumberTheFirst(browser, "/partners", pages,
                PartnersListPagingTest::rows, first.subList(0, 50), rows(one.body()));
        assertThat(browser.get("/partners?lang=fr").body())
                .contains(ListPages.number(total, Locale.FRENCH) + " partenaires")
                .contains("Page 1 sur " + pages);

        for (CurrentUser other : List.of(users.newUser(Role.SALES_REP, null),
                users.newUser(Role.PARTNER_ADMIN, first.get(0)))) {
            PortalClient client = new PortalClient(port);
            client.signIn(other.email(), TestUsers.PASSWORD);
            assertThat(client.get("/partners?page=1").statusCode()).as(other.role().name()).isEqualTo(403);
        }
    }

    @Test
    void aSearchFindsPartnersByPartOfTheirNameSortsByAColumnAndKeepsBothInThePagingAndTheExport() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<UUID> matching = new ArrayList<>();
        for (int i = 1; i <= 51; i++) {
            matching.add(partners.addActive("Searchco %s %02d".formatted(tag, i), i == 7 ? "FR" : "US",
                    i == 7 ? Tier.CERTIFIED : Tier.REGISTERED, Set.of("MANAGED_SERVICES")).id());
        }
        UUID elsewhere = partners.addActive("Elsewhere " + tag, "US", Tier.REGISTERED, Set.of()).id();
        CurrentUser manager = users.newUser(Role.CHANNEL_MANAGER, null);
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(manager.email(), TestUsers.PASSWORD)).endsWith("/");

        String query = "SEARCHCO%20" + tag.toUpperCase(Locale.ROOT);
        String byName = browser.get("/partners?q=" + query + "&sort=name&dir=desc").body();
        List<UUID> descending = new ArrayList<>(matching);
        java.util.Collections.reverse(descending);
        assertThat(rows(byName)).as("any case, Z to A").isEqualTo(descending.subList(0, 50)).doesNotContain(elsewhere);
        assertThat(byName).contains("51 partners").contains("Page 1 of 2").contains("aria-sort=\"descending\"")
                .as("the next page keeps the search and the order")
                .contains("href=\"/partners?q=" + query + "&amp;sort=name&amp;dir=desc&amp;page=1\"")
                .as("the header offers the other way").contains("href=\"/partners?q=" + query + "&amp;sort=name&amp;dir=asc\"")
                .as("the form keeps the order").contains("name=\"sort\" value=\"name\"");
        String second = browser.get("/partners?q=" + query + "&sort=name&dir=desc&page=1").body();
        assertThat(rows(second)).containsExactly(matching.get(0));

        String byCountry = browser.get("/partners?q=" + query + "&sort=country").body();
        assertThat(rows(byCountry).get(0)).as("FR before US").isEqualTo(matching.get(6));
        String certified = browser.get("/partners?q=" + query + "&tier=CERTIFIED").body();
        assertThat(rows(certified)).containsExactly(matching.get(6));
        assertThat(certified).contains("1 partner<");

        String csv = browser.get("/partners/export?format=csv&q=" + query + "&sort=name&dir=desc").body();
        List<String> lines = csv.lines().skip(1).toList();
        assertThat(lines).as("the file holds what the list shows, in its order").hasSize(51);
        assertThat(lines.get(0)).startsWith("Searchco " + tag + " 51");
        assertThat(lines.get(50)).startsWith("Searchco " + tag + " 01");

        for (String odd : List.of("/partners?sort=nonsense&dir=sideways", "/partners?q=" + "%25_".repeat(300),
                "/partners?q=%27%22&page=99999999999")) {
            assertThat(browser.get(odd).statusCode()).as(odd).isEqualTo(200);
        }
        assertThat(browser.get("/partners?q=%00").statusCode()).as("a control character: refused, as everywhere")
                .isEqualTo(400);
        assertThat(rows(browser.get("/partners?q=%25").body())).as("a wildcard is a character").isEmpty();
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from partner", Long.class);
    }

    private static String english(long n) {
        return ListPages.number(n, Locale.ENGLISH);
    }

    private static List<UUID> rows(String page) {
        return ListPages.ids(ROW, page);
    }
}
