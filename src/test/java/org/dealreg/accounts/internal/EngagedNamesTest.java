package org.dealreg.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.conflicts.ConflictCheck;
import org.dealreg.conflicts.CustomerToCheck;
import org.dealreg.conflicts.Verdict;
import org.dealreg.partners.Partners;
import org.dealreg.shared.CustomerNormaliser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The node's copy of the engaged accounts' names only proposes candidates: a check still sees an engagement, or an
 * engaged account's new name, that another node (here a plain JDBC connection, which this node's announcements never
 * see) committed before the check, while the copy is behind; the copy catches up with the trigger's announcement, and
 * reloads when its listening connection was cut.
 */
@IntegrationTest
class EngagedNamesTest {

    private static final double THRESHOLD = 0.55;

    @Autowired EngagedNames engagedNames;
    @Autowired EngagedNamesPruning pruning;
    @Autowired ConflictCheck conflicts;
    @Autowired Partners partners;
    @Autowired TestUsers users;
    @Autowired DataSource dataSource;
    @Autowired TransactionTemplate transactions;

    private final List<UUID> created = new ArrayList<>();

    @Test
    void anEngagementAnotherNodeCommittedRightBeforeTheCheckMakesItReviewWhileTheCopyIsBehind() throws Exception {
        engagedNames.candidates("warm up", "US", THRESHOLD);
        String name = "Quorvantix Dynamiq " + suffix();
        String typed = name + "s Holdings";
        UUID account;
        synchronized (engagedNames.loading) {
            // the copy cannot catch up meanwhile: its announcement waits for this lock
            account = engagedByAnotherNode(name, "US");
            assertThat(proposed(CustomerNormaliser.name(typed), "US"))
                    .as("the copy is behind").doesNotContain(account);
            assertThat(check(typed, "US")).isEqualTo(Verdict.REVIEW);
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() -> proposed(CustomerNormaliser.name(typed), "US").contains(account));
        assertThat(check(typed, "US")).isEqualTo(Verdict.REVIEW);
        assertThat(check("Unrelated Zebulon " + suffix(), "US")).isEqualTo(Verdict.CLEAR);
    }

    @Test
    void anEngagedAccountRenamedByAnotherNodeIsFoundUnderItsNewNameWhileTheCopyIsBehind() throws Exception {
        String oldName = "Brontavelle Systems " + suffix();
        String newName = "Kestrelmoor Analytics " + suffix();
        UUID account = engagedByAnotherNode(oldName, "FR");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> proposed(CustomerNormaliser.name(oldName), "FR").contains(account));
        synchronized (engagedNames.loading) {
            try (Connection otherNode = otherNode()) {
                execute(otherNode, "update direct_account set name = '" + newName + "', normalised_name = '"
                        + CustomerNormaliser.name(newName) + "' where id = '" + account + "'");
            }
            assertThat(check(newName + " Group", "FR")).isEqualTo(Verdict.REVIEW);
            assertThat(check(oldName + " Group", "FR")).as("the old name is no longer the account's")
                    .isEqualTo(Verdict.CLEAR);
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() -> proposed(CustomerNormaliser.name(newName), "FR").contains(account));
        assertThat(proposed(CustomerNormaliser.name(oldName), "FR"))
                .doesNotContain(account);
    }

    @Test
    void aTypoOfAOneWordNameEngagedBehindTheCopysBackIsFound() throws Exception {
        String name = "Zorblatix" + suffix().replaceAll("[0-9]", "");
        UUID account;
        synchronized (engagedNames.loading) {
            account = engagedByAnotherNode(name, "US");
            String typo = name.substring(0, 2) + name.substring(3);
            assertThat(check(typo, "US")).isEqualTo(Verdict.REVIEW);
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() -> proposed(CustomerNormaliser.name(name).substring(1), "US").contains(account));
    }

    @Test
    void theLogOfChangesIsPrunedAfterADayAndACopyOlderThanWhatWasPrunedReloadsWhole() throws Exception {
        String name = "Pruvantis Logistiq " + suffix();
        UUID account = engagedByAnotherNode(name, "US");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> proposed(CustomerNormaliser.name(name), "US").contains(account));
        assertThat(changesOf(account)).as("logged").isPositive();

        pruning.prune(Duration.ofDays(1));
        pruning.prune(Duration.ofDays(1));
        assertThat(changesOf(account)).as("a day is kept").isPositive();

        int loads;
        synchronized (engagedNames.loading) {
            // a copy that stays behind while the log is pruned: its announcement waits for this lock
            engagedNames.reload();
            loads = engagedNames.loads();
            try (Connection otherNode = otherNode()) {
                execute(otherNode, "select pg_current_xact_id()");
                pruning.prune(Duration.ZERO);
                execute(otherNode, "select pg_current_xact_id()");
                pruning.prune(Duration.ZERO);
            }
        }
        assertThat(changesOf(account)).as("pruned").isZero();

        engagedNames.catchUp();
        assertThat(engagedNames.loads()).as("reloaded whole rather than caught up from a pruned log")
                .isGreaterThan(loads);
        assertThat(proposed(CustomerNormaliser.name(name), "US")).contains(account);
        assertThat(check(name + " Holdings", "US")).isEqualTo(Verdict.REVIEW);
    }

    private long changesOf(UUID account) throws SQLException {
        try (Connection connection = otherNode();
                PreparedStatement ps = connection.prepareStatement(
                        "select count(*) from engaged_name_change where account_id = ?")) {
            ps.setObject(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aCutListeningConnectionReloadsTheCopy() throws Exception {
        engagedNames.candidates("warm up", "US", THRESHOLD);
        int loads = engagedNames.loads();
        try (Connection otherNode = otherNode(); Statement statement = otherNode.createStatement();
                ResultSet cut = statement.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                        + " where application_name = 'dealreg-settings-listener' and datname = current_database()")) {
            cut.next();
            assertThat(cut.getInt(1)).as("listening connections cut").isPositive();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> engagedNames.loads() > loads);
    }

    @Test
    void proposesEveryEngagedNameTheDatabaseRulesWouldKeep() throws Exception {
        Random random = new Random(11);
        List<String> words = List.of("acme", "apex", "nova", "terra", "blue", "ridge", "logistics", "logistique",
                "energy", "energie", "systems", "north", "wind", "globex", "contoso", "fabrikam", "zenith", "labs",
                "transports", "garonne", "soleil", "atelier", "bleu", "blanc", "river", "stone");
        String tag = "q" + suffix().replaceAll("[0-9]", "x");
        List<String> names = new ArrayList<>();
        try (Connection otherNode = otherNode()) {
            for (int i = 0; i < 150; i++) {
                String name = randomName(random, words) + (random.nextInt(3) == 0 ? "" : " " + tag);
                names.add(name);
                engage(otherNode, insertAccount(otherNode, name, "US"));
            }
        }
        // from the loaded index, not from the changes laid over it
        engagedNames.reload();
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String customer = CustomerNormaliser.name(i % 2 == 0
                    ? mistype(names.get(random.nextInt(names.size())), random) : randomName(random, words));
            List<UUID> proposed = proposed(customer, "US");
            for (UUID kept : keptByTheDatabase(customer)) {
                if (!proposed.contains(kept)) {
                    missed.add(customer + " -> " + kept);
                }
            }
        }
        assertThat(missed).as("accounts the rules keep that the copy did not propose").isEmpty();
    }

    /** The engaged accounts of this test the verdict's rules keep: similar names, and typo candidates. */
    private List<UUID> keptByTheDatabase(String customer) throws SQLException {
        List<UUID> kept = new ArrayList<>();
        try (Connection connection = otherNode(); PreparedStatement ps = connection.prepareStatement("""
                select id from direct_account
                 where id = any (?) and engagement_open and country = 'US' and normalised_name <> ?
                   and (similarity(normalised_name, ?) >= ?
                        or position(' ' in normalised_name) = 0 and position(' ' in ?) = 0 and length(?) >= 4
                           and word_similarity(?, normalised_name) >= 0.2
                           and levenshtein_less_equal(normalised_name, ?, 4)
                               <= case when least(length(normalised_name), length(?)) >= 6 then 4
                                       when least(length(normalised_name), length(?)) >= 4 then 2 else -1 end)""")) {
            ps.setArray(1, connection.createArrayOf("uuid", created.toArray()));
            for (int p = 2; p <= 10; p++) {
                if (p == 4) {
                    ps.setDouble(p, THRESHOLD);
                } else {
                    ps.setString(p, customer);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    kept.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return kept;
    }

    private static String randomName(Random random, List<String> words) {
        int count = 1 + random.nextInt(3);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(words.get(random.nextInt(words.size())));
        }
        return String.join(" ", picked);
    }

    /** One or two letters replaced, dropped or added, or a word dropped. */
    private static String mistype(String name, Random random) {
        StringBuilder s = new StringBuilder(name);
        int mistakes = 1 + random.nextInt(2);
        for (int m = 0; m < mistakes && s.length() > 1; m++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.setCharAt(at, (char) ('a' + random.nextInt(26)));
                case 1 -> s.deleteCharAt(at);
                case 2 -> s.insert(at, (char) ('a' + random.nextInt(26)));
                default -> {
                    int space = s.indexOf(" ");
                    if (space > 0) {
                        s.delete(0, space + 1);
                    }
                }
            }
        }
        return s.toString();
    }

    @AfterEach
    void removeAccounts() throws SQLException {
        try (Connection otherNode = otherNode()) {
            for (UUID id : created) {
                execute(otherNode, "delete from engagement where account_id = '" + id + "'");
                execute(otherNode, "delete from direct_account where id = '" + id + "'");
            }
        }
    }

    private Verdict check(String customerName, String country) {
        UUID partner = partners.findByLegalName(country.equals("US") ? "Northwind Systems" : "Fabrikam Intégration")
                .orElseThrow().id();
        return transactions.execute(status -> {
            status.setRollbackOnly();
            return conflicts.claimAndCheck(UUID.randomUUID(), partner,
                    new CustomerToCheck(customerName, null, null, country)).verdict();
        });
    }

    /** An account with an open engagement, written and committed on a connection of its own. */
    private UUID engagedByAnotherNode(String name, String country) throws SQLException {
        try (Connection otherNode = otherNode()) {
            UUID account = insertAccount(otherNode, name, country);
            engage(otherNode, account);
            return account;
        }
    }

    /** The accounts this node's copy proposes for the customer's (normalised) name. */
    private List<UUID> proposed(String normalisedName, String country) {
        return engagedNames.candidates(normalisedName, country, THRESHOLD).ids();
    }

    private UUID insertAccount(Connection connection, String name, String country) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = connection.prepareStatement("insert into direct_account (id, crm_id, name, "
                + "normalised_name, country, owner_id) values (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, "TEST-" + id);
            ps.setString(3, name);
            ps.setString(4, CustomerNormaliser.name(name));
            ps.setString(5, country);
            ps.setObject(6, users.byEmail("sam@dealreg.example").id());
            ps.executeUpdate();
        }
        created.add(id);
        return id;
    }

    private void engage(Connection connection, UUID account) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("insert into engagement (id, account_id, rep_id, "
                + "started_on, last_activity_on) values (?, ?, ?, ?, ?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, account);
            ps.setObject(3, users.byEmail("sam@dealreg.example").id());
            ps.setObject(4, LocalDate.now().minusDays(5));
            ps.setObject(5, LocalDate.now().minusDays(1));
            ps.executeUpdate();
        }
    }

    /** Another node: a connection of its own, committing each statement. */
    private Connection otherNode() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        connection.setAutoCommit(true);
        return connection;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
