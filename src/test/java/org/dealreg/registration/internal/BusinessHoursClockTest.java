package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** With the business-hours clock the due time counts only the region's business days (DESIGN.md §5). */
@IntegrationTest
class BusinessHoursClockTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProgramSettings settings;

    @Test
    void aSubmissionIsDueAfterTwentyFourHoursOfUsBusinessDaysAndRemindedAfterEighteen() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID id;
        settings.change(Setting.CLOCK_MODE, "BUSINESS");
        try {
            String location = DealRegistrationTestSupport.submit(mvc, partner, validDeal());
            id = UUID.fromString(location.substring("/deals/".length()));
        } finally {
            settings.change(Setting.CLOCK_MODE, "CALENDAR");
        }
        Map<String, Object> row = jdbc.queryForMap("select submitted_at, remind_at, decision_due_at from registration "
                + "where id = ?", id);
        Instant submitted = ((Timestamp) row.get("submitted_at")).toInstant();
        Instant remind = ((Timestamp) row.get("remind_at")).toInstant();
        Instant due = ((Timestamp) row.get("decision_due_at")).toInstant();
        Set<LocalDate> holidays = Set.copyOf(jdbc.queryForList(
                "select day from region_holiday where region_code = 'US'", LocalDate.class));

        assertThat(businessMinutesBetween(submitted, due, holidays)).as("24 hours of business days, counted minute by minute")
                .isBetween(24 * 60L - 1, 24 * 60L);
        assertThat(Duration.between(submitted, due)).isGreaterThanOrEqualTo(Duration.ofHours(24));
        assertThat(businessMinutesBetween(submitted, remind, holidays)).as("the reminder at three quarters, same clock")
                .isBetween(18 * 60L - 1, 18 * 60L);
    }

    /** An independent count: the minutes in between that fall on a New York weekday that is not a holiday. */
    private static long businessMinutesBetween(Instant from, Instant to, Set<LocalDate> holidays) {
        long minutes = 0;
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
            LocalDate day = t.atZone(NEW_YORK).toLocalDate();
            DayOfWeek d = day.getDayOfWeek();
            if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.contains(day)) {
                minutes++;
            }
        }
        return minutes;
    }
}
