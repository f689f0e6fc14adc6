package org.dealreg.registration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Consumer;

import org.dealreg.conflicts.ConflictCheck;
import org.dealreg.program.ProgramSettings;
import org.dealreg.registration.ExtensionReview;
import org.dealreg.registration.ProtectionEndingSoon;
import org.dealreg.registration.ProtectionEnforcement;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.RulesBroken;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.dealreg.web.Export;

/**
 * Protection after approval: the job's reminders and expiries, and the managers' answers to extension requests.
 * A reminder only sets the step last sent, without moving the version a partner's open page carries; an expiry
 * and an answer are changes of the aggregate, through its version. An expiry frees the customer in the same
 * transaction.
 */
@Service
class JpaProtection implements ProtectionEnforcement, ExtensionReview {

    private final RegistrationRepository registrations;
    private final Transitions transitions;
    private final ConflictCheck conflicts;
    private final ProgramSettings settings;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    JpaProtection(RegistrationRepository registrations, Transitions transitions, ConflictCheck conflicts,
            ProgramSettings settings, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.registrations = registrations;
        this.transitions = transitions;
        this.conflicts = conflicts;
        this.settings = settings;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> endingSoon(Instant now) {
        return jdbc.queryForList("""
                select id from registration
                 where status = 'APPROVED' and protection_ends_at > ? and protection_ends_at <= ?
                 order by protection_ends_at""", UUID.class, Timestamp.from(now),
                Timestamp.from(now.plus(ProtectionReminderPolicy.horizon())));
    }

    @Override
    @Transactional
    public boolean remind(UUID id, Instant now) {
        record Row(Instant endsAt, Integer lastSent) {
        }
        List<Row> rows = jdbc.query("select protection_ends_at, protection_reminded_days from registration "
                + "where id = ? and status = 'APPROVED'", (rs, n) -> new Row(rs.getTimestamp(1).toInstant(),
                        (Integer) rs.getObject(2)), id);
        if (rows.isEmpty()) {
            return false;
        }
        OptionalInt step = ProtectionReminderPolicy.dueStep(rows.get(0).endsAt(), now, rows.get(0).lastSent());
        if (step.isEmpty()) {
            return false;
        }
        // the end and the step read above must still hold: of two runs, or a run and an extension, one acts
        List<ProtectionEndingSoon> marked = jdbc.query("""
                update registration set protection_reminded_days = ?
                 where id = ? and status = 'APPROVED' and protection_ends_at = ?
                   and (protection_reminded_days is null or protection_reminded_days > ?)
                returning id, receipt_number, partner_id, submitted_by, protection_ends_at""",
                (rs, n) -> new ProtectionEndingSoon(rs.getObject("id", UUID.class), rs.getString("receipt_number"),
                        rs.getObject("partner_id", UUID.class), rs.getObject("submitted_by", UUID.class),
                        rs.getTimestamp("protection_ends_at").toInstant(), step.getAsInt()),
                step.getAsInt(), id, Timestamp.from(rows.get(0).endsAt()), step.getAsInt());
        marked.forEach(events::publishEvent);
        return !marked.isEmpty();
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> protectionEnded(Instant now) {
        return jdbc.queryForList("""
                select r.id from registration r
                 where r.status = 'APPROVED' and r.protection_ends_at <= ?
                   and (r.protection_ends_at <= ? or not exists (select 1 from extension_request e
                                                                 where e.registration_id = r.id and e.status = 'PENDING'))
                 order by r.protection_ends_at""", UUID.class, Timestamp.from(now),
                Timestamp.from(now.minus(settings.extensionLength())));
    }

    @Override
    @Transactional
    public boolean expire(UUID id, Instant now) {
        Registration registration = registration(id);
        if (!registration.protectionEndedBy(now, settings.extensionLength())) {
            return false;
        }
        transitions.apply(registration, r -> r.expire(now, settings.extensionLength()));
        conflicts.release(id, now);
        return true;
    }

    @Override
    @Transactional(readOnly = true)
    public long countPending() {
        return jdbc.queryForObject("""
                select count(*) from extension_request e join registration r on r.id = e.registration_id
                 where e.status = 'PENDING' and r.status = 'APPROVED'""", Long.class);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExtensionToDecide> pending(long offset, int limit) {
        return jdbc.query(PENDING_EXTENSIONS + " limit ? offset ?", JpaProtection::extensionToDecide, limit, offset);
    }

    @Override
    @Transactional(readOnly = true)
    public void eachPending(Consumer<ExtensionToDecide> sink) {
        Export.stream(jdbc, PENDING_EXTENSIONS, JpaProtection::extensionToDecide, sink);
    }

    /** The open requests, the one whose protection ends first first: the queue and its export. */
    private static final String PENDING_EXTENSIONS = """
            select r.id, e.id as request_id, r.receipt_number, r.partner_id, r.protection_ends_at,
                   r.extensions_granted, e.requested_at, e.requested_by
              from extension_request e join registration r on r.id = e.registration_id
             where e.status = 'PENDING' and r.status = 'APPROVED'
             order by r.protection_ends_at, r.id""";

    private static ExtensionToDecide extensionToDecide(ResultSet rs, int row) throws SQLException {
        return new ExtensionToDecide(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class),
                rs.getString("receipt_number"), rs.getObject("partner_id", UUID.class),
                rs.getTimestamp("protection_ends_at").toInstant(), rs.getInt("extensions_granted"),
                rs.getTimestamp("requested_at").toInstant(), rs.getObject("requested_by", UUID.class));
    }

    @Override
    @Transactional
    public void grant(UUID registrationId, UUID requestId, UUID manager) {
        Instant at = transitions.now();
        transitions.apply(registration(registrationId), r -> r.grantExtension(manager, requestId,
                settings.extensionLength(), settings.maxExtensions(), at), this::answeredMeanwhile);
        // a new end of protection: its reminders start again
        jdbc.update("update registration set protection_reminded_days = null where id = ?", registrationId);
    }

    @Override
    @Transactional
    public void decline(UUID registrationId, UUID requestId, UUID manager, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw RulesBroken.refused("extension.decline.reasonRequired");
        }
        Instant at = transitions.now();
        transitions.apply(registration(registrationId), r -> r.declineExtension(manager, requestId, why, at),
                this::answeredMeanwhile);
    }

    private RuntimeException answeredMeanwhile() {
        return RulesBroken.refused("extension.refused.answered");
    }

    private Registration registration(UUID id) {
        return registrations.findAnyCompanysById(id).orElseThrow(() -> new NotFound("Registration"));
    }
}
