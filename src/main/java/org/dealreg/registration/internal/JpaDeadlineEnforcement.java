package org.dealreg.registration.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.dealreg.program.ProgramSettings;
import org.dealreg.registration.DeadlineEnforcement;
import org.dealreg.registration.DecisionReminderDue;
import org.dealreg.registration.PendingRegistration;
import org.dealreg.registration.RegistrationEscalated;
import org.dealreg.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders and escalations only set a flag: they must not move the version a manager's open page carries,
 * or a manager deciding at that moment would be refused for nothing. An approval by the programme is a
 * decision like a manager's and goes through the aggregate and its version.
 */
@Service
class JpaDeadlineEnforcement implements DeadlineEnforcement {

    private final RegistrationRepository registrations;
    private final Transitions transitions;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final ProgramSettings settings;

    JpaDeadlineEnforcement(RegistrationRepository registrations, Transitions transitions, JdbcTemplate jdbc,
            ApplicationEventPublisher events, ProgramSettings settings) {
        this.settings = settings;
        this.registrations = registrations;
        this.transitions = transitions;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> dueForReminder(Instant now) {
        return jdbc.queryForList("""
                select id from registration
                 where status = 'SUBMITTED' and reminded_at is null and decision_due_at > ? and remind_at <= ?
                 order by decision_due_at""", UUID.class, Timestamp.from(now), Timestamp.from(now));
    }

    @Override
    @Transactional
    public boolean remind(UUID id, Instant now) {
        List<DecisionReminderDue> marked = jdbc.query("""
                update registration set reminded_at = ?
                 where id = ? and status = 'SUBMITTED' and reminded_at is null
                returning id, partner_id, receipt_number, decision_due_at""",
                (rs, n) -> new DecisionReminderDue(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                        rs.getString("receipt_number"), rs.getTimestamp("decision_due_at").toInstant()),
                Timestamp.from(now), id);
        marked.forEach(events::publishEvent);
        return !marked.isEmpty();
    }

    @Override
    @Transactional(readOnly = true)
    public List<PendingRegistration> pastDeadline(Instant now) {
        return jdbc.query("""
                select %s from registration
                 where status = 'SUBMITTED' and escalated_at is null and decision_due_at <= ?
                 order by decision_due_at""".formatted(PendingRows.COLUMNS), PendingRows::map, Timestamp.from(now));
    }

    @Override
    @Transactional
    public void approveByProgramme(UUID id, int versionSeen) {
        Registration registration = registrations.findAnyCompanysById(id).orElseThrow(() -> new NotFound("Registration"));
        Instant at = transitions.now();
        transitions.apply(registration, r -> r.approve(null, versionSeen, at, settings.protectionPeriod()));
    }

    @Override
    @Transactional
    public boolean escalate(UUID id, Instant now) {
        List<RegistrationEscalated> marked = jdbc.query("""
                update registration set escalated_at = ?
                 where id = ? and status = 'SUBMITTED' and escalated_at is null
                returning id, partner_id, receipt_number, decision_due_at""",
                (rs, n) -> new RegistrationEscalated(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                        rs.getString("receipt_number"), rs.getTimestamp("decision_due_at").toInstant(), now),
                Timestamp.from(now), id);
        if (marked.isEmpty()) {
            return false;
        }
        jdbc.update("insert into registration_history (registration_id, at, actor_id, action, status_after) "
                + "values (?, ?, null, 'ESCALATED', 'SUBMITTED')", id, Timestamp.from(now));
        marked.forEach(events::publishEvent);
        return true;
    }
}
