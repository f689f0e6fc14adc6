package org.dealreg.registration.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.dealreg.conflicts.CheckOutcome;
import org.dealreg.conflicts.Verdict;
import org.dealreg.crypto.EncryptedString;
import org.dealreg.registration.AlreadyDecided;
import org.dealreg.registration.ExtensionDecided;
import org.dealreg.registration.ExtensionRequested;
import org.dealreg.registration.RegistrationClosed;
import org.dealreg.registration.RegistrationExpired;
import org.dealreg.registration.RegistrationDecided;
import org.dealreg.registration.DealDetails;
import org.dealreg.registration.RegistrationStatus;
import org.dealreg.registration.RegistrationSubmitted;
import org.dealreg.registration.RejectionReason;
import org.dealreg.shared.RulesBroken;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.Persistable;

/** A deal a partner has registered. What the partner typed is stored encrypted; ids, money, dates and codes are not. */
@Entity
@Table(name = "registration")
class Registration extends AbstractAggregateRoot<Registration> implements Persistable<UUID> {

    @Id
    private UUID id;

    @Version
    private int version;

    @Column(name = "partner_id", nullable = false, updatable = false)
    private UUID partnerId;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    private UUID submittedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RegistrationStatus status;

    @Column(name = "receipt_number", nullable = false, updatable = false)
    private String receiptNumber;

    @Convert(converter = EncryptedString.class)
    @Column(name = "customer_name", nullable = false)
    private String customerName;

    @Convert(converter = EncryptedString.class)
    @Column(name = "customer_website")
    private String customerWebsite;

    @Column(name = "customer_country", nullable = false)
    private String customerCountry;

    @Convert(converter = EncryptedString.class)
    @Column(name = "customer_city")
    private String customerCity;

    /** Null once the retention purge erased the contact (with its e-mail and phone). */
    @Convert(converter = EncryptedString.class)
    @Column(name = "contact_name")
    private String contactName;

    @Convert(converter = EncryptedString.class)
    @Column(name = "contact_email")
    private String contactEmail;

    @Convert(converter = EncryptedString.class)
    @Column(name = "contact_phone")
    private String contactPhone;

    @Convert(converter = EncryptedString.class)
    @Column(nullable = false)
    private String title;

    @Convert(converter = EncryptedString.class)
    @Column(nullable = false)
    private String description;

    @Convert(converter = EncryptedString.class)
    private String competitors;

    @Column(name = "specialization_code", nullable = false)
    private String specializationCode;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private String currency;

    @Column(name = "usd_per_unit", nullable = false)
    private BigDecimal usdPerUnit;

    @Column(name = "amount_usd", nullable = false)
    private BigDecimal amountUsd;

    @Column(name = "expected_close_date", nullable = false)
    private LocalDate expectedCloseDate;

    @Column(name = "customer_domain_index")
    private String customerDomainIndex;

    @Column(name = "customer_name_index", nullable = false)
    private String customerNameIndex;

    /** The contact e-mail's blind index ({@link ContactEmails}); null once the contact was erased. */
    @Column(name = "contact_email_index")
    private String contactEmailIndex;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Verdict verdict;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "decision_due_at", nullable = false)
    private Instant decisionDueAt;

    @Column(name = "remind_at", nullable = false, updatable = false)
    private Instant remindAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private UUID decidedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "rejection_reason")
    private RejectionReason rejectionReason;

    @Convert(converter = EncryptedString.class)
    @Column(name = "rejection_comment")
    private String rejectionComment;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "protection_ends_at")
    private Instant protectionEndsAt;

    /** Written by the retention purge alone, with SQL. */
    @Column(name = "personal_data_erased_at", insertable = false, updatable = false)
    private Instant personalDataErasedAt;

    @Column(name = "extensions_granted", nullable = false)
    private int extensionsGranted;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "closed_by")
    private UUID closedBy;

    @Column(name = "won_amount")
    private BigDecimal wonAmount;

    @Column(name = "won_currency")
    private String wonCurrency;

    @Column(name = "won_usd_per_unit")
    private BigDecimal wonUsdPerUnit;

    @Column(name = "won_amount_usd")
    private BigDecimal wonAmountUsd;

    @Convert(converter = EncryptedString.class)
    @Column(name = "lost_reason")
    private String lostReason;

    @OneToMany(cascade = {CascadeType.PERSIST, CascadeType.MERGE})
    @JoinColumn(name = "registration_id", nullable = false, updatable = false)
    @OrderBy("requestedAt")
    private List<ExtensionRequest> extensions = new ArrayList<>();

    @OneToMany(cascade = {CascadeType.PERSIST, CascadeType.MERGE})
    @JoinColumn(name = "registration_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<HistoryEntry> history = new ArrayList<>();

    /** Its id is assigned before it is stored, so saving a new one must persist (one insert), not merge. */
    @Transient
    private boolean isNew;

    protected Registration() {
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostPersist
    @PostLoad
    void stored() {
        isNew = false;
    }

    /** A new registration, waiting for the vendor's decision until {@code decisionDueAt}. */
    static Registration submit(UUID id, UUID partnerId, UUID submittedBy, ValidDeal deal, String contactEmailIndex,
            CheckOutcome check, String receiptNumber, Instant submittedAt, Instant remindAt, Instant decisionDueAt) {
        Registration r = new Registration();
        r.isNew = true;
        r.id = id;
        r.partnerId = partnerId;
        r.submittedBy = submittedBy;
        r.status = RegistrationStatus.SUBMITTED;
        r.receiptNumber = receiptNumber;
        r.customerName = deal.customerName();
        r.customerWebsite = deal.customerWebsite();
        r.customerCountry = deal.customerCountry();
        r.customerCity = deal.customerCity();
        r.contactName = deal.contactName();
        r.contactEmail = deal.contactEmail();
        r.contactEmailIndex = contactEmailIndex;
        r.contactPhone = deal.contactPhone();
        r.title = deal.title();
        r.description = deal.description();
        r.competitors = deal.competitors();
        r.specializationCode = deal.specializationCode();
        r.amount = deal.amount();
        r.currency = deal.currency();
        r.usdPerUnit = deal.usdPerUnit();
        r.amountUsd = deal.amountUsd();
        r.expectedCloseDate = deal.expectedCloseDate();
        r.customerDomainIndex = check.fingerprint().domainIndex();
        r.customerNameIndex = check.fingerprint().nameIndex();
        r.verdict = check.verdict();
        r.submittedAt = submittedAt;
        r.decisionDueAt = decisionDueAt;
        r.remindAt = remindAt;
        r.history.add(new HistoryEntry(submittedAt, submittedBy, HistoryEntry.Action.SUBMITTED, r.status));
        r.registerEvent(new RegistrationSubmitted(r.id, partnerId, submittedBy, receiptNumber, submittedAt, decisionDueAt,
                r.amountUsd));
        return r;
    }

    /** A manager (or the programme, with no manager) reserves the customer for the partner for {@code protection}. */
    void approve(UUID manager, int versionSeen, Instant at, Duration protection) {
        decide(RegistrationStatus.APPROVED, manager, versionSeen, at, HistoryEntry.Action.APPROVED, null);
        this.protectionEndsAt = at.plus(protection);
    }

    /** A manager turns the registration down, with a reason and a comment the partner reads. */
    void reject(UUID manager, int versionSeen, RejectionReason reason, String comment, Instant at) {
        decide(RegistrationStatus.REJECTED, manager, versionSeen, at, HistoryEntry.Action.REJECTED, reason);
        this.rejectionComment = comment;
        this.endedAt = at;
    }

    /** The partner takes the registration back before the vendor answered. */
    void withdraw(UUID partnerUser, int versionSeen, Instant at) {
        requirePending(versionSeen);
        this.status = RegistrationStatus.WITHDRAWN;
        this.endedAt = at;
        history.add(new HistoryEntry(at, partnerUser, HistoryEntry.Action.WITHDRAWN, status));
        registerEvent(new RegistrationDecided(id, receiptNumber, partnerId, submittedBy, status, partnerUser, null, at));
    }

    /**
     * The partner asks for more protection, before it ends, with a reason; at most one open request and
     * {@code maxExtensions} granted ones.
     */
    void requestExtension(UUID partnerUser, int versionSeen, String reason, Instant at, int maxExtensions) {
        if (status != RegistrationStatus.APPROVED) {
            throw RulesBroken.refused("deal.refused.notApproved", status.named());
        }
        if (pendingExtension() != null) {
            throw RulesBroken.refused("extension.refused.pending");
        }
        if (!protectionEndsAt.isAfter(at)) {
            throw RulesBroken.refused("extension.refused.ended");
        }
        if (extensionsGranted >= maxExtensions) {
            throw RulesBroken.refused("extension.refused.maximum", maxExtensions);
        }
        requireApproved(versionSeen);
        extensions.add(new ExtensionRequest(partnerUser, reason, at, protectionEndsAt));
        history.add(new HistoryEntry(at, partnerUser, HistoryEntry.Action.EXTENSION_REQUESTED, status));
        registerEvent(new ExtensionRequested(id, receiptNumber, partnerId, partnerUser, protectionEndsAt, at));
    }

    /** A manager grants the open request: protection ends {@code length} later than it did. */
    void grantExtension(UUID manager, UUID requestId, Duration length, int maxExtensions, Instant at) {
        ExtensionRequest request = openRequest(requestId);
        if (extensionsGranted >= maxExtensions) {
            throw RulesBroken.refused("extension.refused.maximum", maxExtensions);
        }
        protectionEndsAt = protectionEndsAt.plus(length);
        extensionsGranted++;
        request.grant(manager, at, protectionEndsAt);
        history.add(new HistoryEntry(at, manager, HistoryEntry.Action.EXTENDED, status));
        registerEvent(new ExtensionDecided(id, receiptNumber, partnerId, request.requestedBy(), true, manager,
                protectionEndsAt, at));
    }

    /** A manager declines the open request with a reason the partner reads; protection ends when it did. */
    void declineExtension(UUID manager, UUID requestId, String why, Instant at) {
        ExtensionRequest request = openRequest(requestId);
        request.decline(manager, at, why);
        history.add(new HistoryEntry(at, manager, HistoryEntry.Action.EXTENSION_DECLINED, status));
        registerEvent(new ExtensionDecided(id, receiptNumber, partnerId, request.requestedBy(), false, manager,
                protectionEndsAt, at));
    }

    private ExtensionRequest openRequest(UUID requestId) {
        if (status != RegistrationStatus.APPROVED) {
            throw RulesBroken.refused("deal.refused.notApproved", status.named());
        }
        ExtensionRequest request = pendingExtension();
        if (request == null || !request.id().equals(requestId)) {
            throw RulesBroken.refused("extension.refused.answered");
        }
        return request;
    }

    /**
     * Whether protection has ended by {@code now}. A request the partner made in time holds the end until a manager
     * answers it, for at most {@code hold} (one extension's length): an unanswered request never reserves a customer
     * for ever.
     */
    boolean protectionEndedBy(Instant now, Duration hold) {
        if (status != RegistrationStatus.APPROVED || protectionEndsAt.isAfter(now)) {
            return false;
        }
        return pendingExtension() == null || !protectionEndsAt.plus(hold).isAfter(now);
    }

    /** Protection ended and the partner did not close the deal: the customer is free again. */
    void expire(Instant now, Duration hold) {
        if (!protectionEndedBy(now, hold)) {
            throw new AlreadyDecided(status, decidedBy);
        }
        lapsePendingExtension(now);
        this.status = RegistrationStatus.EXPIRED;
        this.endedAt = now;
        history.add(new HistoryEntry(now, null, HistoryEntry.Action.EXPIRED, status));
        registerEvent(new RegistrationExpired(id, receiptNumber, partnerId, submittedBy, protectionEndsAt, now));
    }

    /** A request still waiting when the registration ends is no longer a question for anyone. */
    private void lapsePendingExtension(Instant at) {
        ExtensionRequest pending = pendingExtension();
        if (pending != null) {
            pending.lapse(at);
        }
    }

    /** The partner won the deal: the final amount, its value in USD on the day it closed, and that day. */
    void closeWon(UUID partnerUser, int versionSeen, ValidClose.Won won, Instant at) {
        requireApproved(versionSeen);
        this.wonAmount = won.amount();
        this.wonCurrency = won.currency();
        this.wonUsdPerUnit = won.usdPerUnit();
        this.wonAmountUsd = won.amountUsd();
        close(RegistrationStatus.WON, partnerUser, won.closedOn(), at, HistoryEntry.Action.WON);
    }

    /** The partner lost the deal, and says why. */
    void closeLost(UUID partnerUser, int versionSeen, String reason, LocalDate closedOn, Instant at) {
        requireApproved(versionSeen);
        this.lostReason = reason;
        close(RegistrationStatus.LOST, partnerUser, closedOn, at, HistoryEntry.Action.LOST);
    }

    private void close(RegistrationStatus outcome, UUID partnerUser, LocalDate on, Instant at, HistoryEntry.Action action) {
        lapsePendingExtension(at);
        this.status = outcome;
        this.closedOn = on;
        this.closedBy = partnerUser;
        this.endedAt = at;
        history.add(new HistoryEntry(at, partnerUser, action, status));
        registerEvent(new RegistrationClosed(id, receiptNumber, partnerId, status, wonAmount, wonCurrency, wonAmountUsd,
                closedOn, partnerUser, at));
    }

    /** Only an approved registration, as the partner saw it, can be extended or closed. */
    private void requireApproved(int versionSeen) {
        if (status != RegistrationStatus.APPROVED) {
            throw RulesBroken.refused("deal.refused.notApproved", status.named());
        }
        if (version != versionSeen) {
            throw RulesBroken.refused("deal.refused.changed");
        }
    }

    ExtensionRequest pendingExtension() {
        return extensions.stream().filter(ExtensionRequest::pending).findFirst().orElse(null);
    }

    private void decide(RegistrationStatus outcome, UUID manager, int versionSeen, Instant at, HistoryEntry.Action action,
            RejectionReason reason) {
        requirePending(versionSeen);
        this.status = outcome;
        this.rejectionReason = reason;
        this.decidedAt = at;
        this.decidedBy = manager;
        history.add(new HistoryEntry(at, manager, action, status));
        registerEvent(new RegistrationDecided(id, receiptNumber, partnerId, submittedBy, status, manager, reason, at));
    }

    /**
     * Only a pending registration can be decided or withdrawn, and only as the person saw it: a version that moved
     * on means someone else acted first, and this action must not silently overwrite theirs.
     */
    private void requirePending(int versionSeen) {
        if (status != RegistrationStatus.SUBMITTED || version != versionSeen) {
            throw new AlreadyDecided(status, decidedBy);
        }
    }

    UUID id() { return id; }
    int version() { return version; }
    UUID submittedBy() { return submittedBy; }
    /** What its own partner sees of it, decrypted, with who at the vendor opened it. */
    DealDetails details(List<DealDetails.StaffView> staffViews, int maxExtensions) {
        Registration r = this;
        return new DealDetails(r.id(), r.receiptNumber(), r.status(), r.customerName(), r.customerWebsite(),
                r.customerCountry(), r.customerCity(), r.contactName(), r.contactEmail(), r.contactPhone(), r.title(),
                r.description(), r.competitors(), r.specializationCode(), r.amount(), r.currency(), r.usdPerUnit(),
                r.amountUsd(), r.expectedCloseDate(), r.verdict(), r.submittedAt(), r.decisionDueAt(), r.version(),
                r.decidedAt(), r.decidedAt() != null && r.decidedBy() == null, r.rejectionReason(),
                r.rejectionComment(), r.endedAt(), staffViews, r.protectionEndsAt(), r.extensionsGranted(), maxExtensions,
                r.extensions().stream().map(e -> new DealDetails.Extension(e.requestedAt(), e.reason(), e.status().name(),
                        e.decidedAt(), e.declineReason(), e.protectionEndsAt())).toList(),
                r.closedOn(), r.wonAmount(), r.wonCurrency(), r.wonAmountUsd(), r.lostReason(), r.personalDataErasedAt());
    }

    Instant decidedAt() { return decidedAt; }
    Instant remindAt() { return remindAt; }
    UUID decidedBy() { return decidedBy; }
    RejectionReason rejectionReason() { return rejectionReason; }
    String rejectionComment() { return rejectionComment; }
    Instant endedAt() { return endedAt; }
    List<HistoryEntry> history() { return List.copyOf(history); }
    List<ExtensionRequest> extensions() { return List.copyOf(extensions); }
    Instant protectionEndsAt() { return protectionEndsAt; }
    Instant personalDataErasedAt() { return personalDataErasedAt; }
    int extensionsGranted() { return extensionsGranted; }
    LocalDate closedOn() { return closedOn; }
    BigDecimal wonAmount() { return wonAmount; }
    String wonCurrency() { return wonCurrency; }
    BigDecimal wonAmountUsd() { return wonAmountUsd; }
    String lostReason() { return lostReason; }
    UUID partnerId() { return partnerId; }
    RegistrationStatus status() { return status; }
    String receiptNumber() { return receiptNumber; }
    String customerName() { return customerName; }
    String customerWebsite() { return customerWebsite; }
    String customerCountry() { return customerCountry; }
    String customerCity() { return customerCity; }
    String contactName() { return contactName; }
    String contactEmail() { return contactEmail; }
    String contactPhone() { return contactPhone; }
    String title() { return title; }
    String description() { return description; }
    String competitors() { return competitors; }
    String specializationCode() { return specializationCode; }
    BigDecimal amount() { return amount; }
    String currency() { return currency; }
    BigDecimal usdPerUnit() { return usdPerUnit; }
    BigDecimal amountUsd() { return amountUsd; }
    LocalDate expectedCloseDate() { return expectedCloseDate; }
    Verdict verdict() { return verdict; }
    Instant submittedAt() { return submittedAt; }
    Instant decisionDueAt() { return decisionDueAt; }
}
