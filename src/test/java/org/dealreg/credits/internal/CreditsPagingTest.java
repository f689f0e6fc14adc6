package org.dealreg.credits.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rep's credits page 50 at a time, the latest close first, only their own, with how many there are; a page number
 * that is not a number shows the first page (it answered 400) and one past the end the last (it showed none); a page
 * costs the same few statements for one credit as for fifty.
 */
@IntegrationTest
class CreditsPagingTest {

    private static final Pattern ACCOUNT = Pattern.compile("<td>(Creditco [^<]+)</td>");

    @Autowired TestUsers users;
    @Autowired AccountBook book;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void theRepSeesFiftyOfTheirCreditsAPageLatestFirstWithTheirCount() {
        CurrentUser rep = users.newUser(Role.SALES_REP, null);
        CurrentUser other = users.newUser(Role.SALES_REP, null);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> latestFirst = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            latestFirst.add(credit(rep, "Creditco %s %02d".formatted(tag, i), i));
        }
        credit(other, "Creditco " + tag + " of another rep", 0);

        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(rep.email(), TestUsers.PASSWORD)).endsWith("/");
        browser.get("/credits");

        StatementCounter.Page full = StatementCounter.get(browser, "/credits");
        assertThat(accounts(full.body())).isEqualTo(latestFirst.subList(0, 50));
        assertThat(full.body()).contains("51 credits").contains("Page 1 of 2").contains("href=\"/credits?page=1\"")
                .doesNotContain("of another rep");

        StatementCounter.Page one = StatementCounter.get(browser, "/credits?page=1");
        assertThat(accounts(one.body())).containsExactly(latestFirst.get(50));
        assertThat(one.body()).contains("51 credits").contains("Page 2 of 2").contains("href=\"/credits?page=0\"");
        ListPages.sameStatementsForOneRowAsForAFullPage("Credits", full, one);
        ListPages.pastTheEndIsTheLastPageAndNoNumberTheFirst(browser, "/credits", 2, CreditsPagingTest::accounts,
                latestFirst.subList(0, 50), List.of(latestFirst.get(50)));
        assertThat(browser.get("/credits?lang=fr").body()).contains("51 crédits").contains("Page 1 sur 2");
    }

    @Test
    void aSearchFindsTheRepsCreditsByAccountNameSortsByAmountAndKeepsBothInThePagingAndTheExport() {
        CurrentUser rep = users.newUser(Role.SALES_REP, null);
        CurrentUser other = users.newUser(Role.SALES_REP, null);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> smallestFirst = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            smallestFirst.add(credit(rep, "Creditco Énergie %s %02d".formatted(tag, i), i, 1000 + i, "DIRECT"));
        }
        String unrelated = credit(rep, "Creditco Unrelated " + tag, 0, 999_999, "DIRECT");
        credit(other, "Creditco Énergie " + tag + " of another rep", 0, 5000, "DIRECT");

        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(rep.email(), TestUsers.PASSWORD)).endsWith("/");
        String query = "energie%20" + tag;
        String largest = browser.get("/credits?q=" + query + "&sort=amount").body();
        List<String> largestFirst = new ArrayList<>(smallestFirst);
        java.util.Collections.reverse(largestFirst);
        assertThat(accounts(largest)).as("accents and case aside, the rep's own, largest first")
                .isEqualTo(largestFirst.subList(0, 50)).doesNotContain(unrelated);
        assertThat(largest).contains("51 credits").contains("Page 1 of 2").doesNotContain("of another rep")
                .contains("href=\"/credits?q=" + query + "&amp;sort=amount&amp;dir=desc&amp;page=1\"")
                .contains("href=\"/credits?q=" + query + "&amp;sort=amount&amp;dir=asc\"");
        assertThat(accounts(browser.get("/credits?q=" + query + "&sort=amount&dir=desc&page=1").body()))
                .containsExactly(smallestFirst.get(0));
        assertThat(accounts(browser.get("/credits?q=" + query + "&sort=amount&dir=asc").body()).get(0))
                .isEqualTo(smallestFirst.get(0));
        assertThat(browser.get("/credits?q=" + query + "&source=DIRECT").body()).contains("51 credits");
        String partner = browser.get("/credits?q=" + query + "&source=PARTNER").body();
        assertThat(accounts(partner)).isEmpty();
        assertThat(partner).contains("Nothing matches this search.");
        assertThat(accounts(browser.get("/credits?q=another").body())).as("another rep's account is not found").isEmpty();

        List<String> lines = browser.get("/credits/export?format=csv&q=" + query + "&sort=amount&dir=asc").body()
                .lines().skip(1).toList();
        assertThat(lines).as("the file holds what the list shows, in its order").hasSize(51);
        assertThat(lines.get(0)).contains(smallestFirst.get(0));
        assertThat(lines.get(50)).contains(smallestFirst.get(50));
        for (String odd : List.of("/credits?sort=nonsense", "/credits?q=" + "x".repeat(5000), "/credits?source=ALL")) {
            assertThat(browser.get(odd).statusCode()).as(odd).isEqualTo(200);
        }
    }

    /** A direct win of {@code rep}'s, closed {@code daysAgo}, on an account of its own; answers the account's name. */
    private String credit(CurrentUser rep, String accountName, int daysAgo) {
        return credit(rep, accountName, daysAgo, 1000, "DIRECT");
    }

    private String credit(CurrentUser rep, String accountName, int daysAgo, int amount, String source) {
        UUID account = book.upsert("CRM-" + UUID.randomUUID(), accountName, "US", Set.of(), rep.id());
        jdbc.update("insert into rep_credit (id, rep_id, account_id, source, amount, currency, amount_usd, closed_on, "
                + "recorded_by) values (?, ?, ?, ?, ?, 'USD', ?, ?, ?)", UUID.randomUUID(), rep.id(),
                account, source, amount, amount, LocalDate.now().minusDays(daysAgo), rep.id());
        return accountName;
    }

    private static List<String> accounts(String page) {
        return ListPages.rows(ACCOUNT, page);
    }
}
