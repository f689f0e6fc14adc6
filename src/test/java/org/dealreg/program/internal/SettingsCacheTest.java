package org.dealreg.program.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Regions;
import org.dealreg.program.Setting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Settings, regions and exchange rates come from the node's snapshots, which every node keeps current: a submission
 * reads none of them from the database, the admin's change applies at once, and another node's change (a committed update and a NOTIFY
 * from a connection of its own) arrives within seconds, also after the listening connection was cut.
 */
@IntegrationTest
class SettingsCacheTest {

    private static final Setting SETTING = Setting.PRECHECKS_PER_HOUR;

    @Autowired ProgramSettings settings;
    @Autowired SettingsAdministration administration;
    @Autowired RegionAdministration regionAdministration;
    @Autowired Regions regions;
    @Autowired DataSource dataSource;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired ApplicationContext context;

    @Test
    void aSettingTheAdminChangesAppliesToTheVeryNextRead() {
        String before = settings.value(SETTING);
        Map<Setting, String> shown = administration.values();
        Map<Setting, String> posted = new EnumMap<>(shown);
        posted.put(SETTING, next(before));
        try {
            assertThat(administration.change(posted, shown, "ada@dealreg.example")).isEqualTo(1);
            assertThat(settings.value(SETTING)).isEqualTo(next(before));
        } finally {
            settings.change(SETTING, before);
        }
        assertThat(settings.value(SETTING)).isEqualTo(before);
    }

    @Test
    void aHolidayTheAdminAddsOrRemovesAppliesToTheVeryNextRead() {
        LocalDate day = LocalDate.of(2033, 2, 14);
        regionAdministration.addHoliday("US", new HolidayForm(day, "Cache test day"));
        try {
            assertThat(regions.holidays("US", day)).contains(day);
        } finally {
            regionAdministration.removeHoliday("US", day);
        }
        assertThat(regions.holidays("US", day)).doesNotContain(day);
    }

    @Test
    void aLaunchDateAnotherNodeCommitsAndAnnouncesReachesThisNodeWithinSeconds() throws Exception {
        LocalDate before = regions.find("FR").orElseThrow().launchDate();
        LocalDate moved = before.plusDays(3);
        try (Connection otherNode = otherNode()) {
            execute(otherNode, "update region set launch_date = '" + moved + "' where code = 'FR'");
            execute(otherNode, "notify " + ProgrammeChanges.CHANNEL);
            await().atMost(Duration.ofSeconds(2))
                    .until(() -> regions.find("FR").orElseThrow().launchDate().equals(moved));
        } finally {
            try (Connection otherNode = otherNode()) {
                execute(otherNode, "update region set launch_date = '" + before + "' where code = 'FR'");
            }
            ProgrammeChangesForTests.changedBySql(context);
        }
        assertThat(regions.find("FR").orElseThrow().launchDate()).isEqualTo(before);
    }

    @Test
    void aChangeAnotherNodeCommitsAndAnnouncesReachesThisNodeWithinSeconds() throws Exception {
        String before = settings.value(SETTING);
        try (Connection otherNode = otherNode()) {
            execute(otherNode, "update program_setting set value = '" + next(before) + "' where name = '" + SETTING.key() + "'");
            execute(otherNode, "notify " + ProgrammeChanges.CHANNEL);

            await().atMost(Duration.ofSeconds(2)).until(() -> settings.value(SETTING).equals(next(before)));
        } finally {
            settings.change(SETTING, before);
        }
    }

    @Test
    void aCutListeningConnectionReconnectsReloadsAndListensAgain() throws Exception {
        String before = settings.value(SETTING);
        try (Connection otherNode = otherNode()) {
            // a change whose announcement is lost, as when it is sent while the connection is down
            execute(otherNode, "update program_setting set value = '" + next(before) + "' where name = '" + SETTING.key() + "'");
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1))
                    .until(() -> settings.value(SETTING).equals(before));

            try (Statement statement = otherNode.createStatement();
                    ResultSet cut = statement.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                            + " where application_name = '" + SettingsListener.APPLICATION_NAME + "'"
                            + " and datname = current_database()")) {
                cut.next();
                assertThat(cut.getInt(1)).as("listening connections cut").isPositive();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> settings.value(SETTING).equals(next(before)));

            execute(otherNode, "update program_setting set value = '" + before + "' where name = '" + SETTING.key() + "'");
            execute(otherNode, "notify " + ProgrammeChanges.CHANNEL);
            await().atMost(Duration.ofSeconds(2)).until(() -> settings.value(SETTING).equals(before));
        } finally {
            settings.change(SETTING, before);
        }
    }

    @Test
    void aSubmissionReadsNoSettingRegionNorExchangeRateFromTheDatabase() throws Exception {
        settings.value(SETTING);
        regions.all();
        Map<String, String> inEuros = validDeal();
        inEuros.put("currency", "EUR");
        try (Connection otherNode = otherNode()) {
            otherNode.setAutoCommit(false);
            // any statement on these tables would now wait for this lock
            execute(otherNode, "lock table program_setting, region, region_country, region_holiday, exchange_rate"
                    + " in access exclusive mode");
            try {
                CompletableFuture<String> submission = CompletableFuture.supplyAsync(() -> {
                    try {
                        return submit(mvc, users.byEmail("bob@northwind.example"), inEuros);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThat(submission.get(20, TimeUnit.SECONDS)).as("the submission's page").startsWith("/deals/");
            } finally {
                otherNode.rollback();
            }
        }
    }

    private static String next(String value) {
        return String.valueOf(Integer.parseInt(value) + 1);
    }

    /** A connection of its own, as another node of the programme would have. */
    private Connection otherNode() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
