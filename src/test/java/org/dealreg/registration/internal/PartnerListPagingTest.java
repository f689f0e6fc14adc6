package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.dealreg.IntegrationTest;
import org.dealreg.PortalClient;
import org.dealreg.StatementCounter;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The partner's list, signed in over HTTP: their company's rows only, how many there are, 20 a page; a page number
 * past the end shows the last page and one that is not a number the first, and a page costs the same few statements
 * however many registrations the company has.
 */
@IntegrationTest
class PartnerListPagingTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @LocalServerPort int port;

    @Test
    void thePartnerSeesTheirCompanysCountAndAPageNumberPastTheEndOrMalformedShowsTheLastOrFirstPage()
            throws Exception {
        CurrentUser mine = users.newPartnerUser(users.newPartner("US"));
        CurrentUser theirs = users.newPartnerUser(users.newPartner("US"));
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(mine.email(), TestUsers.PASSWORD)).endsWith("/");
        Map<String, String> other = validDeal();
        other.put("title", "Someone else's deal");
        submitted(mvc, theirs, other);
        for (int i = 1; i <= 21; i++) {
            submitted(mvc, mine, titled(i));
        }
        statements(browser, "/deals");
        // two pages already: Spring Data counts only when there is more than one page
        List<String> twentyOne = statements(browser, "/deals");
        submitted(mvc, mine, titled(22));
        String first = browser.get("/deals").body();
        assertThat(count(first, "Deal number")).isEqualTo(20);
        assertThat(first).contains("Registrations: 22").contains("Page 1 of 2").doesNotContain("Someone else");

        for (String pastTheEnd : List.of("1", "2", "99", "2147483647", "99999999999999999999")) {
            String last = browser.get("/deals?page=" + pastTheEnd).body();
            assertThat(count(last, "Deal number")).as(pastTheEnd).isEqualTo(2);
            assertThat(last).as(pastTheEnd).contains("Deal number 01").contains("Deal number 02")
                    .contains("Registrations: 22").contains("Page 2 of 2").contains("href=\"/deals?page=0\"");
        }
        for (String malformed : List.of("abc", "-1", "", "1e3", "0x1", "1.5")) {
            HttpResponse<String> response = browser.get("/deals?page=" + malformed);
            assertThat(response.statusCode()).as(malformed).isEqualTo(200);
            assertThat(response.body()).as(malformed).contains("Deal number 22").contains("Page 1 of 2");
        }
        assertThat(browser.get("/deals?status=SUBMITTED&page=5").body()).contains("Deal number 01")
                .contains("href=\"/deals?status=SUBMITTED&amp;page=0\"");

        String searched = browser.get("/deals?q=dr-&sort=amount&dir=asc").body();
        assertThat(count(searched, "Deal number")).isEqualTo(20);
        assertThat(searched).as("a search of part of the receipt numbers: the company's own, paged with its count")
                .contains("Registrations: 22").contains("Page 1 of 2").doesNotContain("Someone else")
                .contains("href=\"/deals?q=dr-&amp;sort=amount&amp;dir=asc&amp;page=1\"");
        assertThat(count(browser.get("/deals?q=dr-&sort=amount&dir=asc&page=1").body(), "Deal number")).isEqualTo(2);

        List<String> twentyTwo = statements(browser, "/deals");
        System.out.printf("Partner list statements: 21 registrations %d, 22 registrations %d%n  %s%n", twentyOne.size(),
                twentyTwo.size(), String.join("\n  ", twentyTwo));
        assertThat(twentyTwo).as("no statement per row").hasSameSizeAs(twentyOne);
        assertThat(twentyTwo.size()).as("the target: 12 statements a page, session included").isLessThanOrEqualTo(12);
    }

    private static Map<String, String> titled(int number) {
        Map<String, String> deal = validDeal();
        deal.put("title", "Deal number %02d".formatted(number));
        return deal;
    }

    /** The statements one page costs on the server's request threads, session included. */
    private static List<String> statements(PortalClient browser, String path) {
        StatementCounter.Recording recording = StatementCounter.start();
        HttpResponse<String> response = browser.get(path);
        List<String> statements = recording.stop().stream().filter(e -> e.thread().startsWith("http-"))
                .map(StatementCounter.Executed::sql).toList();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Deal number");
        return statements;
    }

    private static int count(String haystack, String needle) {
        return haystack.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }
}
