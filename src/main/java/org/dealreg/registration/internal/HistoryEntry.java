package org.dealreg.registration.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.dealreg.registration.RegistrationStatus;

/** One thing that happened to a registration: who (null for the programme itself), when, and where it left it. */
@Entity
@Table(name = "registration_history")
class HistoryEntry {

    /**
     * ESCALATED is written by the deadline job alone, with no status change and no actor; EXPIRED by the
     * protection job, with no actor.
     */
    enum Action {
        SUBMITTED, APPROVED, REJECTED, WITHDRAWN, ESCALATED, EXPIRED, EXTENSION_REQUESTED, EXTENDED, EXTENSION_DECLINED,
        WON, LOST
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(name = "actor_id", updatable = false)
    private UUID actorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Action action;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_after", nullable = false, updatable = false)
    private RegistrationStatus statusAfter;

    protected HistoryEntry() {
    }

    HistoryEntry(Instant at, UUID actorId, Action action, RegistrationStatus statusAfter) {
        this.at = at;
        this.actorId = actorId;
        this.action = action;
        this.statusAfter = statusAfter;
    }

    Instant at() { return at; }
    UUID actorId() { return actorId; }
    Action action() { return action; }
    RegistrationStatus statusAfter() { return statusAfter; }
}
