package org.dealreg.registration.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.dealreg.conflicts.CheckOutcome;
import org.dealreg.conflicts.Verdict;
import org.dealreg.crypto.EncryptedString;
import org.dealreg.registration.RegistrationStatus;
import org.dealreg.registration.RegistrationSubmitted;
import org.springframework.data.domain.AbstractAggregateRoot;

/** A deal a partner has registered. What the partner typed is stored encrypted; ids, money, dates and codes are not. */
@Entity
@Table(name = "registration")
class Registration extends AbstractAggregateRoot<Registration> {

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

    @Convert(converter = EncryptedString.class)
    @Column(name = "contact_name", nullable = false)
    private String contactName;

    @Convert(converter = EncryptedString.class)
    @Column(name = "contact_email", nullable = false)
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Verdict verdict;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "decision_due_at", nullable = false)
    private Instant decisionDueAt;

    protected Registration() {
    }

    /** A new registration, waiting for the vendor's decision until {@code decisionDueAt}. */
    static Registration submit(UUID id, UUID partnerId, UUID submittedBy, ValidDeal deal, CheckOutcome check,
            String receiptNumber, Instant submittedAt, Instant decisionDueAt) {
        Registration r = new Registration();
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
        r.registerEvent(new RegistrationSubmitted(r.id, partnerId, submittedBy, receiptNumber, submittedAt, decisionDueAt,
                r.amountUsd));
        return r;
    }

    UUID id() { return id; }
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
