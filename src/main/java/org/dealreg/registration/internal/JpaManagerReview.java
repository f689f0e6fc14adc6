package org.dealreg.registration.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.dealreg.conflicts.ConflictCheck;
import org.dealreg.program.ProgramSettings;
import org.dealreg.registration.DecidedRegistration;
import org.dealreg.registration.ManagerReview;
import org.dealreg.registration.PendingCounts;
import org.dealreg.registration.PendingFilter;
import org.dealreg.registration.PendingRegistration;
import org.dealreg.registration.RegistrationForReview;
import org.dealreg.registration.RegistrationViewedByStaff;
import org.dealreg.registration.RejectionReason;
import org.dealreg.shared.ListOrder;
import org.dealreg.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.dealreg.web.Export;

/**
 * The managers' side of the aggregate. A decision is made on the version the manager saw: of two managers
 * deciding at once, the second is refused ({@link Transitions}) and exactly one decision is recorded. A
 * rejection frees the customer in the same transaction.
 */
@Service
class JpaManagerReview implements ManagerReview {

    private final RegistrationRepository registrations;
    private final ConflictCheck conflicts;
    private final Transitions transitions;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final ProgramSettings settings;
    private final OpenRegistrations openRegistrations;

    JpaManagerReview(RegistrationRepository registrations, ConflictCheck conflicts, Transitions transitions,
            JdbcTemplate jdbc, ApplicationEventPublisher events, ProgramSettings settings,
            OpenRegistrations openRegistrations) {
        this.settings = settings;
        this.openRegistrations = openRegistrations;
        this.registrations = registrations;
        this.conflicts = conflicts;
        this.transitions = transitions;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PendingRegistration> pending(PendingFilter filter, ListOrder order, long offset, int limit) {
        List<Object> arguments = new ArrayList<>();
        String where = PendingRows.where(filter, arguments);
        arguments.add(limit);
        arguments.add(offset);
        return jdbc.query("select %s from registration where %s order by %s limit ? offset ?"
                .formatted(PendingRows.COLUMNS, where, order.sql()), PendingRows::map, arguments.toArray());
    }

    @Override
    @Transactional(readOnly = true)
    public void eachPending(PendingFilter filter, ListOrder order, Consumer<PendingRegistration> sink) {
        List<Object> arguments = new ArrayList<>();
        String where = PendingRows.where(filter, arguments);
        Export.stream(jdbc, "select %s from registration where %s order by %s"
                .formatted(PendingRows.COLUMNS, where, order.sql()), PendingRows::map, sink, arguments.toArray());
    }

    @Override
    @Transactional(readOnly = true)
    public long countDecided(PendingFilter filter) {
        List<Object> arguments = new ArrayList<>();
        String where = PendingRows.whereDecided(filter, arguments);
        return jdbc.queryForObject("select count(*) from registration where " + where, Long.class, arguments.toArray());
    }

    @Override
    @Transactional(readOnly = true)
    public void eachDecided(PendingFilter filter, Consumer<DecidedRegistration> sink) {
        List<Object> arguments = new ArrayList<>();
        String where = PendingRows.whereDecided(filter, arguments);
        Export.stream(jdbc, "select %s from registration where %s order by decided_at desc, id"
                .formatted(PendingRows.DECIDED_COLUMNS, where), PendingRows::mapDecided, sink, arguments.toArray());
    }

    /** One statement over the whole filtered set; the states are {@code DeadlineBadge}'s, counted by PostgreSQL. */
    @Override
    @Transactional(readOnly = true)
    public PendingCounts countPending(PendingFilter filter, Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Object> arguments = new ArrayList<>(List.of(at, at, at));
        String where = PendingRows.where(filter, arguments);
        return jdbc.queryForObject("""
                select count(*) as total,
                       count(*) filter (where decision_due_at > ? and remind_at < ?) as due_soon,
                       count(*) filter (where decision_due_at <= ?) as overdue
                  from registration where %s""".formatted(where),
                (rs, n) -> new PendingCounts(rs.getLong("total"), rs.getLong("due_soon"), rs.getLong("overdue")),
                arguments.toArray());
    }

    @Override
    @Transactional(readOnly = true)
    public RegistrationForReview find(UUID id) {
        Registration r = registration(id);
        long open = openRegistrations.of(r.partnerId());
        return new RegistrationForReview(r.id(), r.version(), r.receiptNumber(), r.status(), r.partnerId(),
                r.submittedBy(), r.customerName(), r.customerWebsite(), r.customerCountry(), r.customerCity(),
                r.contactName(), r.contactEmail(), r.contactPhone(), r.title(), r.description(), r.competitors(),
                r.specializationCode(), r.amount(), r.currency(), r.usdPerUnit(), r.amountUsd(), r.expectedCloseDate(), r.verdict(),
                r.submittedAt(), r.remindAt(), r.decisionDueAt(), r.decidedAt(), r.decidedBy(), r.rejectionReason(),
                r.rejectionComment(), r.history().stream().map(h -> new RegistrationForReview.HistoryLine(h.at(),
                        h.actorId(), h.action().name(), h.statusAfter())).toList(), open, r.protectionEndsAt(),
                r.extensionsGranted(), r.personalDataErasedAt(), r.extensions().stream()
                        .map(e -> new RegistrationForReview.ExtensionLine(e.id(), e.requestedAt(), e.requestedBy(),
                                e.reason(), e.status().name(), e.decidedAt(), e.decidedBy(), e.declineReason(),
                                e.protectionEndsAt())).toList());
    }

    @Override
    @Transactional
    public RegistrationForReview open(UUID id, UUID viewer, String viewerRole) {
        RegistrationForReview registration = find(id);
        Instant at = transitions.now();
        jdbc.update("insert into registration_view (registration_id, viewer_id, viewer_role, at) values (?, ?, ?, ?)",
                id, viewer, viewerRole, Timestamp.from(at));
        events.publishEvent(new RegistrationViewedByStaff(id, registration.partnerId(), viewer, viewerRole, at));
        return registration;
    }

    @Override
    @Transactional
    public void approve(UUID id, int versionSeen, UUID manager) {
        Instant at = transitions.now();
        transitions.apply(registration(id), r -> r.approve(manager, versionSeen, at, settings.protectionPeriod()));
    }

    @Override
    @Transactional
    public void reject(UUID id, int versionSeen, UUID manager, RejectionReason reason, String comment) {
        Instant at = transitions.now();
        transitions.apply(registration(id), r -> r.reject(manager, versionSeen, reason, comment, at));
        conflicts.release(id, at);
    }

    private Registration registration(UUID id) {
        return registrations.findAnyCompanysById(id).orElseThrow(() -> new NotFound("Registration"));
    }
}
