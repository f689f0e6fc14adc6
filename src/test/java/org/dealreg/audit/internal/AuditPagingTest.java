package org.dealreg.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The audit page shows 50 events a page, newest first, with how many there are, and still checks the whole chain:
 * in PostgreSQL, in one statement, so a page costs the same few statements however long the trail. The check in SQL
 * gives every row the hash the sealer gave it in Java, whatever the row holds.
 */
@IntegrationTest
class AuditPagingTest {

    private static final Pattern ROW = Pattern.compile("<tr data-seq=\"(\\d+)\"");

    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditTrail trail;
    @Autowired AuditSealer sealer;
    @LocalServerPort int port;

    @Test
    void theTrailPagesFiftyNewestFirstWithItsCountAndAPageOfOneCostsWhatAPageOfFiftyCosts() {
        CurrentUser admin = users.newUser(Role.PROGRAM_ADMIN, null);
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(admin.email(), TestUsers.PASSWORD)).endsWith("/");
        // events of the admin's, until the oldest event is alone on the last page
        do {
            jdbc.update("insert into audit_event (at, actor_id, actor_label, action, subject_type, subject_id) "
                    + "values (clock_timestamp(), ?, ?, 'TEST_EVENT', 'test', 'paging')", admin.id(), admin.email());
        } while (count() % 50 != 1 || count() < 101);
        sealer.sealCommitted();
        long total = count();
        long pages = (total + 49) / 50;
        browser.get("/admin/audit");

        StatementCounter.Page full = StatementCounter.get(browser, "/admin/audit");
        assertThat(full.status()).isEqualTo(200);
        assertThat(seqs(full.body())).isEqualTo(newest(0));
        assertThat(full.body()).contains(english(total) + " events").contains("id=\"chain-intact\"")
                .contains("all " + english(total) + " sealed events are as they were recorded")
                .contains("Page 1 of " + pages).contains("href=\"/admin/audit?page=1\"").contains("Test PROGRAM_ADMIN");
        assertThat(full.statements()).as("the check: one statement, the chain walked in PostgreSQL")
                .filteredOn(sql -> sql.contains("sha256")).hasSize(1);

        String second = browser.get("/admin/audit?page=1").body();
        assertThat(seqs(second)).isEqualTo(newest(50));
        assertThat(second).contains(english(total) + " events").contains("Page 2 of " + pages);

        StatementCounter.Page one = StatementCounter.get(browser, "/admin/audit?page=" + (pages - 1));
        assertThat(seqs(one.body())).isEqualTo(newest(50 * (pages - 1))).hasSize(1);
        System.out.printf("Audit page statements: 50 rows %d, 1 row %d%n  %s%n", full.statements().size(),
                one.statements().size(), String.join("\n  ", full.statements()));
        // the names a page shows (people, receipts, partners) take a statement each only when some row names one:
        // the rest is the same for one row as for fifty
        assertThat(withoutNameLookUps(one.statements())).as("no statement per row")
                .hasSameSizeAs(withoutNameLookUps(full.statements()));
        assertThat(one.statements().size() - withoutNameLookUps(one.statements()).size()).isLessThanOrEqualTo(3);
        assertThat(full.statements().size()).as("the target, session included")
                .isLessThanOrEqualTo(ListPages.STATEMENT_TARGET);

        ListPages.pastTheEndIsTheLastPageAndNoNumberTheFirst(browser, "/admin/audit", pages, AuditPagingTest::seqs,
                newest(0), seqs(one.body()));
        assertThat(browser.get("/admin/audit?lang=fr").body())
                .contains(ListPages.number(total, Locale.FRENCH) + " événements")
                .contains("Page 1 sur " + pages);
    }

    @Test
    void theCheckInPostgreSQLAgreesWithTheSealersHashWhateverARowHoldsAndFindsABreakOnAnyPage() {
        // written at instants with no fraction of a second, with milliseconds, with microseconds; with the separator,
        // backslashes, accents, line breaks and characters beyond the BMP in every text field
        String odd = "a\u001fb \\u001f c\\\\ d\u00e9\u00e7\n\ud83d\ude00 '\" %_";
        for (String at : List.of("2030-01-01 00:00:00+00", "2030-01-01 00:00:00.120+00", "2030-01-01 00:00:00.123400+00",
                "2030-01-01 00:00:00.000001+00", "1999-12-31 23:59:59.999999+05")) {
            jdbc.update("insert into audit_event (at, actor_id, actor_label, action, subject_type, subject_id, details) "
                    + "values (?::timestamptz, ?, ?, 'TEST_EVENT', ?, ?, ?)", at, UUID.randomUUID(), odd, odd, odd, odd);
        }
        long victim = trail.append(null, odd, "TEST_EVENT", odd, "victim", odd).seq();
        trail.append(null, "", "TEST_EVENT", "test", "after", "");
        sealer.sealCommitted();
        AuditTrail.Verification intact = trail.verify();
        assertThat(intact.intact()).as("every hash the sealer computed, PostgreSQL computes alike").isTrue();
        assertThat(intact.rowsChecked()).isEqualTo(intact.rowsSealed()).isEqualTo(count());

        // a row that no longer follows the one before it, far from the first page: the first page says so
        CurrentUser ada = users.byEmail("ada@dealreg.example");
        PortalClient browser = new PortalClient(port);
        browser.signIn(ada.email(), "demo-password");
        for (int i = 0; i < 60; i++) {
            trail.append(null, "", "TEST_EVENT", "test", "newer", "");
        }
        sealer.sealCommitted();
        String previous = jdbc.queryForObject("select prev_hash from audit_event where seq = ?", String.class, victim);
        jdbc.execute("alter table audit_event disable trigger audit_event_no_update_or_delete");
        try {
            jdbc.update("update audit_event set prev_hash = repeat('f', 64) where seq = ?", victim);
            AuditTrail.Verification broken = trail.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.problem()).isEqualTo("unlinked");
            assertThat(broken.brokenAt()).isEqualTo(victim);
            assertThat(broken.rowsChecked()).isEqualTo(jdbc.queryForObject(
                    "select seal_seq - 1 from audit_event where seq = ?", Long.class, victim));
            assertThat(seqs(browser.get("/admin/audit").body())).doesNotContain(victim);
            assertThat(browser.get("/admin/audit").body()).contains("id=\"chain-broken\"")
                    .contains("The chain breaks at event #" + victim + ": it does not follow the event before it");
        } finally {
            jdbc.update("update audit_event set prev_hash = ? where seq = ?", previous, victim);
            jdbc.execute("alter table audit_event enable trigger audit_event_no_update_or_delete");
        }
        assertThat(trail.verify().intact()).as("restored").isTrue();
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from audit_event", Long.class);
    }

    /** The 50 events from this position, newest first, as the database orders them. */
    private List<Long> newest(long offset) {
        return jdbc.queryForList("select seq from audit_event order by seq desc limit 50 offset ?", Long.class, offset);
    }

    private static String english(long n) {
        return ListPages.number(n, Locale.ENGLISH);
    }

    private static List<Long> seqs(String page) {
        return ListPages.rows(ROW, page).stream().map(Long::parseLong).toList();
    }

    private static List<String> withoutNameLookUps(List<String> statements) {
        return statements.stream().filter(sql -> !sql.contains("display_name") && !sql.contains("receipt_number")
                && !sql.contains("from partner")).toList();
    }
}
