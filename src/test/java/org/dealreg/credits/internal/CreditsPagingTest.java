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

    /** A direct win of {@code rep}'s, closed {@code daysAgo}, on an account of its own; answers the account's name. */
    private String credit(CurrentUser rep, String accountName, int daysAgo) {
        UUID account = book.upsert("CRM-" + UUID.randomUUID(), accountName, "US", Set.of(), rep.id());
        jdbc.update("insert into rep_credit (id, rep_id, account_id, source, amount, currency, amount_usd, closed_on, "
                + "recorded_by) values (?, ?, ?, 'DIRECT', 1000, 'USD', 1000, ?, ?)", UUID.randomUUID(), rep.id(),
                account, LocalDate.now().minusDays(daysAgo), rep.id());
        return accountName;
    }

    private static List<String> accounts(String page) {
        return ListPages.rows(ACCOUNT, page);
    }
}
