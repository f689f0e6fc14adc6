package org.dealreg.notifications.internal;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A user's notifications page 20 at a time, newest first, only their own, with how many there are; a page costs the
 * same few statements for one notification as for twenty. (It showed the newest 100 and no more.)
 */
@IntegrationTest
class NotificationsPagingTest {

    private static final Pattern SUBJECT = Pattern.compile(">(Paging notice \\d+)<");

    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void theUserSeesTwentyOfTheirNotificationsAPageNewestFirstWithTheirCount() {
        CurrentUser reader = users.newPartnerUser(users.newPartner("US"));
        CurrentUser other = users.newPartnerUser(users.newPartner("US"));
        List<String> newestFirst = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            newestFirst.add(notify(reader, i));
        }
        notify(other, 99);

        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(reader.email(), TestUsers.PASSWORD)).endsWith("/");
        browser.get("/notifications");

        StatementCounter.Page full = StatementCounter.get(browser, "/notifications");
        assertThat(subjects(full.body())).isEqualTo(newestFirst.subList(0, 20));
        assertThat(full.body()).contains("21 notifications").contains("Page 1 of 2")
                .contains("href=\"/notifications?page=1\"").doesNotContain("Paging notice 99");

        StatementCounter.Page one = StatementCounter.get(browser, "/notifications?page=1");
        assertThat(subjects(one.body())).containsExactly("Paging notice 21");
        assertThat(one.body()).contains("21 notifications").contains("Page 2 of 2")
                .contains("href=\"/notifications?page=0\"");
        ListPages.sameStatementsForOneRowAsForAFullPage("Notifications", full, one);
        ListPages.pastTheEndIsTheLastPageAndNoNumberTheFirst(browser, "/notifications", 2,
                NotificationsPagingTest::subjects, newestFirst.subList(0, 20), List.of("Paging notice 21"));
        assertThat(browser.get("/notifications?lang=fr").body()).contains("21 notifications").contains("Page 1 sur 2");
    }

    /** A notification straight into the table, {@code minutesAgo} old; answers its subject. */
    private String notify(CurrentUser user, int minutesAgo) {
        String subject = "Paging notice " + minutesAgo;
        jdbc.update("insert into notification (id, user_id, created_at, kind, subject, body, link) "
                + "values (?, ?, now() - ? * interval '1 minute', 'TEST', ?, 'Body.', '/')", UUID.randomUUID(),
                user.id(), minutesAgo, subject);
        return subject;
    }

    private static List<String> subjects(String page) {
        return ListPages.rows(SUBJECT, page);
    }
}
