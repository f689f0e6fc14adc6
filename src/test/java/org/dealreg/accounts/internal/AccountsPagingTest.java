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
 * The rep's own accounts page 50 at a time by name with how many they own; a search shows its best 50 matches and
 * says how many match in all, asking for a narrower search rather than paging through weaker matches (docs/lists.md).
 */
@IntegrationTest
class AccountsPagingTest {

    private static final Pattern ROW = Pattern.compile("<a href=\"/accounts/([0-9a-f-]{36})\"");

    @Autowired TestUsers users;
    @Autowired AccountBook book;
    @LocalServerPort int port;

    @Test
    void theRepsOwnAccountsPageFiftyByNameAndASearchSaysHowManyMatchBeyondItsBestFifty() {
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
        assertThat(search).as("how many match in all, and what to do about it")
                .contains("Showing the best 50 of 52 matching accounts: refine your search")
                .doesNotContain("Page 1 of").doesNotContain("You own");
        String solo = "Soloco" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        UUID only = book.upsert("CRM-" + UUID.randomUUID(), solo + " Holdings", "US", Set.of(), colleague.id());
        String narrow = browser.get("/accounts?q=" + solo).body();
        assertThat(rows(narrow)).containsExactly(only);
        assertThat(narrow).contains("1 account matches").doesNotContain("Showing the best");

        assertThat(browser.get("/accounts?lang=fr").body()).contains("Vous détenez 51 comptes").contains("Page 1 sur 2");
        assertThat(browser.get("/accounts?q=" + word).body())
                .contains("Les 50 meilleurs des 52 comptes correspondants sont affichés");
    }

    private static List<UUID> rows(String page) {
        return ListPages.ids(ROW, page);
    }
}
