package org.dealreg.joining.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.dealreg.shared.RulesBroken;

/** A company's application: who applied for it, and what a channel manager decided. */
@Entity
@Table(name = "partner_application")
class PartnerApplication {

    @Id
    private UUID id;

    @Column(name = "partner_id", nullable = false)
    private UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationStatus status;

    @Column(name = "contact_name", nullable = false)
    private String contactName;

    @Column(name = "contact_email", nullable = false)
    private String contactEmail;

    @Column(name = "contact_phone")
    private String contactPhone;

    private String website;

    private String message;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private UUID decidedBy;

    @Column(name = "decline_reason")
    private String declineReason;

    @Column(name = "admin_user_id")
    private UUID adminUserId;

    protected PartnerApplication() {
    }

    PartnerApplication(UUID partnerId, ApplicationForm form, Instant submittedAt) {
        this.id = UUID.randomUUID();
        this.partnerId = partnerId;
        this.status = ApplicationStatus.PENDING;
        this.contactName = form.contactName().strip();
        this.contactEmail = form.contactEmail().strip();
        this.contactPhone = ApplicationForm.blankToNull(form.contactPhone());
        this.website = ApplicationForm.blankToNull(form.website());
        this.message = ApplicationForm.blankToNull(form.message());
        this.submittedAt = submittedAt;
    }

    void accept(UUID by, UUID adminUser, Instant at) {
        requirePending();
        this.status = ApplicationStatus.ACCEPTED;
        this.decidedBy = by;
        this.decidedAt = at;
        this.adminUserId = adminUser;
    }

    void decline(UUID by, String reason, Instant at) {
        requirePending();
        this.status = ApplicationStatus.DECLINED;
        this.decidedBy = by;
        this.decidedAt = at;
        this.declineReason = reason;
    }

    private void requirePending() {
        if (status != ApplicationStatus.PENDING) {
            throw RulesBroken.refused("joining.decision.alreadyDecided");
        }
    }

    UUID id() {
        return id;
    }

    UUID partnerId() {
        return partnerId;
    }

    ApplicationStatus status() {
        return status;
    }

    String contactName() {
        return contactName;
    }

    String contactEmail() {
        return contactEmail;
    }

    ApplicationView view() {
        return new ApplicationView(id, status, contactName, contactEmail, contactPhone, website, message, submittedAt,
                decidedAt, declineReason, adminUserId);
    }
}
