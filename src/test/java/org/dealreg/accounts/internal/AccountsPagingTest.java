package org.dealreg.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.dealreg.IntegrationTest;
import org.dealreg.ListPages;
import org.dealreg.PortalClient;
import org.dealreg.StatementCounter;
import org.dealreg.TestUsers;
import org.dealreg.accounts.AccountBook;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rep's own accounts page 50 at a time by name with how many they own; a search pages through every match, best
 * first or by a column, with how many match in all (docs/lists.md), and its export holds the same matches.
 */
@IntegrationTest
class AccountsPagingTest {

    private static final Pattern ROW = Pattern.compile("<a href=\"/accounts/([0-9a-f-]{36})\"");

    @Autowired TestUsers users;
    @Autowired AccountBook book;
    @LocalServerPort int port;

    @Test
    void theRepsOwnAccountsPageFiftyByNameAndASearchPagesThroughEveryMatchWithTheCount() {
        CurrentUser rep = users.newUser(Role.SALES_REP, null);
        CurrentUser colleague = users.newUser(Role.SALES_REP, null);
        String word = "Ownco" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        List<UUID> byName = new ArrayList<>();
        for (int i = 1; i <= 51; i++) {
            byName.add(book.upsert("CRM-" + UUID.randomUUID(), word + " %02d".formatted(i), "US",
                    Set.of(word.toLowerCase() + i + ".example"), rep.id()));
        }
        UUID colleagues = book.upsert("CRM-" + UUID.randomUUID(), word + " 00 of a colleague", "US", Set.of(),
                colleague.id());

        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(rep.email(), TestUsers.PASSWORD)).endsWith("/");
        browser.get("/accounts");

        StatementCounter.Page full = StatementCounter.get(browser, "/accounts");
        assertThat(rows(full.body())).isEqualTo(byName.subList(0, 50)).doesNotContain(colleagues);
        assertThat(full.body()).contains("You own 51 accounts").contains("Page 1 of 2")
                .contains("href=\"/accounts?page=1\"");

        StatementCounter.Page one = StatementCounter.get(browser, "/accounts?page=1");
        assertThat(rows(one.body())).containsExactly(byName.get(50));
        assertThat(one.body()).contains("You own 51 accounts").contains("Page 2 of 2");
        ListPages.sameStatementsForOneRowAsForAFullPage("Own accounts", full, one);
        ListPages.pastTheEndIsTheLastPageAndNoNumberTheFirst(browser, "/accounts", 2, AccountsPagingTest::rows,
                byName.subList(0, 50), List.of(byName.get(50)));

        String search = browser.get("/accounts?q=" + word).body();
        assertThat(rows(search)).hasSize(50);
        assertThat(search).as("every match, paged, with how many match in all: no silent stop at 50")
                .contains("52 accounts match").contains("Page 1 of 2").doesNotContain("You own")
                .contains("href=\"/accounts?q=" + word + "&amp;page=1\"");
        List<UUID> everyMatch = new ArrayList<>(rows(search));
        everyMatch.addAll(rows(browser.get("/accounts?q=" + word + "&page=1").body()));
        assertThat(everyMatch).as("both pages: every match once, the colleague's too").hasSize(52)
                .doesNotHaveDuplicates().containsAll(byName).contains(colleagues);

        String zToA = browser.get("/accounts?q=" + word + "&sort=name&dir=desc").body();
        List<UUID> descending = new ArrayList<>(byName);
        java.util.Collections.reverse(descending);
        assertThat(rows(zToA)).as("the matches by name, Z to A").isEqualTo(descending.subList(0, 50));
        assertThat(zToA).contains("aria-sort=\"descending\"")
                .contains("href=\"/accounts?q=" + word + "&amp;sort=name&amp;dir=desc&amp;page=1\"")
                .contains("href=\"/accounts/export?format=csv&amp;q=" + word + "&amp;sort=name&amp;dir=desc\"");
        assertThat(rows(browser.get("/accounts?q=" + word + "&sort=name&dir=desc&page=1").body()))
                .containsExactly(byName.get(0), colleagues);
        List<String> file = browser.get("/accounts/export?format=csv&q=" + word + "&sort=name&dir=desc").body()
                .lines().skip(1).toList();
        assertThat(file).as("the export holds the search's matches in the list's order").hasSize(52);
        assertThat(file.get(0)).startsWith(word + " 51");
        assertThat(file.get(51)).startsWith(word + " 00 of a colleague");

        String solo = "Soloco" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        UUID only = book.upsert("CRM-" + UUID.randomUUID(), solo + " Holdings", "US", Set.of(), colleague.id());
        String narrow = browser.get("/accounts?q=" + solo).body();
        assertThat(rows(narrow)).containsExactly(only);
        assertThat(narrow).contains("1 account matches").doesNotContain("Page 1 of");

        assertThat(browser.get("/accounts?lang=fr").body()).contains("Vous détenez 51 comptes").contains("Page 1 sur 2");
        assertThat(browser.get("/accounts?q=" + word).body()).contains("52 comptes correspondent");
        for (String odd : List.of("/accounts?sort=match", "/accounts?q=" + "y".repeat(3000) + "&sort=x&page=9999999999",
                "/accounts?q=%25%5F%5C")) {
            assertThat(browser.get(odd).statusCode()).as(odd).isEqualTo(200);
        }
    }

    private static List<UUID> rows(String page) {
        return ListPages.ids(ROW, page);
    }
}
