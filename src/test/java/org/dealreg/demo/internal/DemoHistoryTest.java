package org.dealreg.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.registration.ManagerReview;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's last month, as the application stores it: encrypted, decided by Maria or by the programme as the
 * deadline rules allow, at believable times, and loaded once. The shared test context loaded it at start-up.
 */
@IntegrationTest
class DemoHistoryTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired TestUsers users;
    @Autowired ManagerReview review;
    @Autowired DemoHistory history;

    @Test
    void danasMonthIsStoredEncryptedWithTheOutcomesOfThePlan() {
        List<Map<String, Object>> rows = danas();

        assertThat(rows).hasSize(DemoHistory.NORTHWIND.size());
        assertThat(rows).extracting(r -> r.get("status")).containsExactlyInAnyOrderElementsOf(DemoHistory.NORTHWIND
                .stream().map(deal -> deal.customer().equals(DemoHistory.WON_TODAY) ? "WON" : switch (deal.answer()) {
                    case APPROVED_BY_MARIA, APPROVED_BY_PROGRAMME -> "APPROVED";
                    case REJECTED_BY_MARIA -> "REJECTED";
                    case WITHDRAWN -> "WITHDRAWN";
                    case WAITING -> "SUBMITTED";
                }).toList());
        for (Map<String, Object> row : rows) {
            assertThat((String) row.get("customer_name")).as("encrypted").startsWith("v1:");
        }
        List<String> customers = rows.stream().map(r -> review.find((UUID) r.get("id")).customerName()).toList();
        assertThat(customers).containsExactlyInAnyOrderElementsOf(
                DemoHistory.NORTHWIND.stream().map(DemoHistory.PastDeal::customer).toList());
        assertThat(rows.stream().map(r -> (String) r.get("receipt_number")).toList())
                .as("receipts count up in submission order").isSorted();
    }

    @Test
    void eachDecisionIsOneTheDeadlineRulesAllowAtABelievableTime() {
        UUID maria = users.byEmail("maria@dealreg.example").id();
        Instant now = jdbc.queryForObject("select now()", OffsetDateTime.class).toInstant();
        for (Map<String, Object> row : danas()) {
            Instant submitted = instant(row, "submitted_at");
            Instant due = instant(row, "decision_due_at");
            Instant decided = instant(row, "decided_at");
            String verdict = (String) row.get("verdict");
            assertThat(submitted).isAfter(now.minus(Duration.ofDays(29))).isBefore(now);
            assertThat(Duration.between(submitted, due))
                    .isEqualTo(Duration.ofHours("CLEAR".equals(verdict) ? 24 : 48));
            if (decided == null) {
                continue;
            }
            if (row.get("decided_by") == null) {
                assertThat(verdict).as("the programme approves only a CLEAR registration").isEqualTo("CLEAR");
                assertThat(Duration.between(due, decided)).isBetween(Duration.ZERO, Duration.ofMinutes(1));
            } else {
                assertThat(row.get("decided_by")).isEqualTo(maria);
                assertThat(Duration.between(submitted, decided)).isBetween(Duration.ofHours(2), Duration.ofHours(30));
                assertThat(decided).as("Maria decides before the deadline job would have").isBefore(due);
            }
            List<Instant> steps = jdbc.queryForList("select at from registration_history where registration_id = ? "
                    + "order by id", OffsetDateTime.class, row.get("id")).stream().map(OffsetDateTime::toInstant).toList();
            assertThat(steps.subList(0, 2)).as("the history at the same times").containsExactly(submitted, decided);
            assertThat(steps.subList(2, steps.size())).as("what came after approval came after it")
                    .allSatisfy(at -> assertThat(at).isAfter(decided));
        }
        assertThat(danas()).filteredOn(r -> "WITHDRAWN".equals(r.get("status"))).singleElement()
                .satisfies(r -> assertThat(r.get("decided_at")).isNull());
    }

    @Test
    void theStorysLooksNotificationsAndAuditEventsCarryItsOwnTimesInItsOrder() {
        UUID maria = users.byEmail("maria@dealreg.example").id();
        // the story ends with Dana's win, closed at the real time of the load: later looks are other tests'
        Instant storyEnd = jdbc.queryForObject("""
                select r.ended_at from registration r join app_user u on u.id = r.submitted_by
                 where u.email = ? and r.status = 'WON'""", OffsetDateTime.class, DemoHistory.SUBMITTER).toInstant();
        for (Map<String, Object> row : danas()) {
            UUID id = (UUID) row.get("id");
            Instant submitted = instant(row, "submitted_at");
            Instant decided = instant(row, "decided_at");
            List<Instant> looks = jdbc.queryForList("select at from registration_view where registration_id = ? "
                    + "and viewer_id = ? and at < ?", OffsetDateTime.class, id, maria, Timestamp.from(storyEnd))
                    .stream().map(OffsetDateTime::toInstant).toList();
            if (decided != null && decided.isAfter(storyEnd)) {
                continue; // decided by a test after the story
            }
            if (maria.equals(row.get("decided_by"))) {
                assertThat(looks).as("Maria opened what she decided, ten minutes before")
                        .containsExactly(decided.minus(Duration.ofMinutes(10)));
            } else {
                assertThat(looks).as("nobody at the vendor opened what the programme approved or what waits").isEmpty();
            }
            Map<String, Object> told = jdbc.queryForMap("select created_at, read_at from notification "
                    + "where user_id = ? and link = ? and kind = 'newSubmission'", maria, "/review/" + id);
            assertThat(instant(told, "created_at")).as("Maria was told when it was submitted").isEqualTo(submitted);
            if (decided != null) {
                assertThat(instant(told, "read_at")).as("and it needed nobody once decided").isEqualTo(decided);
            } else if ("SUBMITTED".equals(row.get("status"))) {
                assertThat(told.get("read_at")).as("what still waits stays unread").isNull();
            }
            assertThat(jdbc.queryForObject("select at from audit_event where action = 'REGISTRATION_SUBMITTED' "
                    + "and subject_id = ?", OffsetDateTime.class, id.toString()).toInstant())
                    .as("the audit trail at the story's time").isEqualTo(submitted);
        }
        List<Instant> trail = jdbc.queryForList("""
                select a.at from audit_event a join registration r on a.subject_id = r.id::text
                  join app_user u on u.id = r.submitted_by
                 where u.email = ? and a.at < now() - interval '1 hour' order by a.seq""", OffsetDateTime.class,
                DemoHistory.SUBMITTER).stream().map(OffsetDateTime::toInstant).toList();
        assertThat(trail).as("the story's events in the trail's order, the order they happened in").hasSizeGreaterThan(50)
                .isSorted();
    }

    @Test
    void afterApprovalSamIsCreditedForTheWinAndMariaHasARequestToAnswer() {
        Map<String, Object> credit = jdbc.queryForMap("""
                select c.source, c.amount_usd, a.name from rep_credit c join direct_account a on a.id = c.account_id
                  join app_user u on u.id = c.rep_id
                 where u.email = 'sam@dealreg.example' and c.registration_id is not null and a.name like ?""",
                DemoHistory.WON_TODAY + "%");
        assertThat((String) credit.get("name")).startsWith(DemoHistory.WON_TODAY);
        assertThat(credit.get("source")).isEqualTo("PARTNER");
        assertThat((java.math.BigDecimal) credit.get("amount_usd")).isEqualByComparingTo("176500");
        assertThat(jdbc.queryForObject("""
                select count(*) from extension_request e join registration r on r.id = e.registration_id
                  join app_user u on u.id = r.submitted_by
                 where u.email = ? and e.status = 'PENDING'""", Integer.class, DemoHistory.SUBMITTER)).isEqualTo(1);
    }

    @Test
    void itIsLoadedOnceAndFabrikamHasNothingFromBeforeFranceOpened() {
        int before = danas().size();
        history.loadOnce();
        assertThat(danas()).hasSize(before);

        LocalDate opening = jdbc.queryForObject("select launch_date from region where code = 'FR'", LocalDate.class);
        List<OffsetDateTime> fabrikam = jdbc.queryForList("""
                select r.submitted_at from registration r join app_user u on u.id = r.submitted_by
                 where u.email = 'claire@fabrikam.example' and r.submitted_at < now() - interval '1 hour'""",
                OffsetDateTime.class);
        assertThat(fabrikam).allSatisfy(submitted -> assertThat(
                submitted.atZoneSameInstant(ZoneId.of("Europe/Paris")).toLocalDate()).isAfterOrEqualTo(opening));
    }

    private static Instant instant(Map<String, Object> row, String column) {
        Timestamp value = (Timestamp) row.get(column);
        return value == null ? null : value.toInstant();
    }

    private List<Map<String, Object>> danas() {
        return jdbc.queryForList("""
                select r.* from registration r join app_user u on u.id = r.submitted_by
                 where u.email = ? order by r.submitted_at""", DemoHistory.SUBMITTER);
    }
}
