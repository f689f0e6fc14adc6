package org.dealreg.registration.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.dealreg.crypto.EncryptedString;

/**
 * A partner's request for more protection, part of its registration: the reason it gave, the end of protection
 * when it asked, and the manager's answer (the new end, or why not). Changed only through the registration.
 */
@Entity
@Table(name = "extension_request")
class ExtensionRequest {

    /** LAPSED: the registration ended (closed, or expired once the hold ran out) before anyone answered. */
    enum Status { PENDING, GRANTED, DECLINED, LAPSED }

    @Id
    private UUID id;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private UUID requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Convert(converter = EncryptedString.class)
    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "protection_ended_at", nullable = false, updatable = false)
    private Instant protectionEndedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "decided_by")
    private UUID decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Convert(converter = EncryptedString.class)
    @Column(name = "decline_reason")
    private String declineReason;

    @Column(name = "protection_ends_at")
    private Instant protectionEndsAt;

    protected ExtensionRequest() {
    }

    ExtensionRequest(UUID requestedBy, String reason, Instant requestedAt, Instant protectionEndedAt) {
        this.id = UUID.randomUUID();
        this.requestedBy = requestedBy;
        this.reason = reason;
        this.requestedAt = requestedAt;
        this.protectionEndedAt = protectionEndedAt;
        this.status = Status.PENDING;
    }

    void grant(UUID manager, Instant at, Instant newEnd) {
        this.status = Status.GRANTED;
        this.decidedBy = manager;
        this.decidedAt = at;
        this.protectionEndsAt = newEnd;
    }

    void decline(UUID manager, Instant at, String why) {
        this.status = Status.DECLINED;
        this.decidedBy = manager;
        this.decidedAt = at;
        this.declineReason = why;
    }

    void lapse(Instant at) {
        this.status = Status.LAPSED;
        this.decidedAt = at;
    }

    boolean pending() {
        return status == Status.PENDING;
    }

    UUID id() { return id; }
    UUID requestedBy() { return requestedBy; }
    Instant requestedAt() { return requestedAt; }
    String reason() { return reason; }
    Instant protectionEndedAt() { return protectionEndedAt; }
    Status status() { return status; }
    UUID decidedBy() { return decidedBy; }
    Instant decidedAt() { return decidedAt; }
    String declineReason() { return declineReason; }
    Instant protectionEndsAt() { return protectionEndsAt; }
}
