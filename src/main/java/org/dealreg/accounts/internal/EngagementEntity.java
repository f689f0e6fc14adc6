package org.dealreg.accounts.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A rep "in contact with the customer" from a day; it lapses after the configured days without activity. */
@Entity
@Table(name = "engagement")
class EngagementEntity {

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "rep_id", nullable = false, updatable = false)
    private UUID repId;

    @Column(name = "started_on", nullable = false, updatable = false)
    private LocalDate startedOn;

    @Column(name = "last_activity_on", nullable = false)
    private LocalDate lastActivityOn;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected EngagementEntity() {
    }

    EngagementEntity(UUID accountId, UUID repId, LocalDate since, Instant now) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.repId = repId;
        this.startedOn = since;
        this.lastActivityOn = since;
        this.createdAt = now;
    }

    void recordActivity(LocalDate on) {
        if (on.isAfter(lastActivityOn)) {
            lastActivityOn = on;
        }
    }

    /** Ends the engagement; it never ends before it started. */
    void end(LocalDate on) {
        this.endedOn = on.isBefore(startedOn) ? startedOn : on;
    }

    /** The same rule the matching query applies in SQL (JdbcDirectAccounts.ENGAGED). */
    boolean activeOn(LocalDate day, int lapseDays) {
        return !startedOn.isAfter(day) && (endedOn == null || endedOn.isAfter(day))
                && !lastActivityOn.isBefore(day.minusDays(lapseDays));
    }

    UUID accountId() { return accountId; }
    LocalDate startedOn() { return startedOn; }
    LocalDate lastActivityOn() { return lastActivityOn; }
    LocalDate endedOn() { return endedOn; }
}
