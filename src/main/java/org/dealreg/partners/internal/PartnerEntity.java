package org.dealreg.partners.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.dealreg.partners.PartnerStatus;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.Tier;

@Entity
@Table(name = "partner")
class PartnerEntity {

    @Id
    private UUID id;

    @Column(name = "legal_name", nullable = false)
    private String legalName;

    @Column(nullable = false)
    private String country;

    @Column(name = "region_code", nullable = false)
    private String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Tier tier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PartnerStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "partner_specialization", joinColumns = @JoinColumn(name = "partner_id"))
    @Column(name = "specialization_code")
    private Set<String> specializationCodes = new HashSet<>();

    protected PartnerEntity() {
    }

    PartnerEntity(String legalName, String country, String regionCode, Tier tier, Set<String> specializationCodes,
            Instant createdAt) {
        this.id = UUID.randomUUID();
        this.legalName = legalName;
        this.country = country;
        this.regionCode = regionCode;
        this.tier = tier;
        this.status = PartnerStatus.ACTIVE;
        this.specializationCodes = new HashSet<>(specializationCodes);
        this.createdAt = createdAt;
    }

    Tier tier() {
        return tier;
    }

    PartnerStatus status() {
        return status;
    }

    Set<String> specializationCodes() {
        return Set.copyOf(specializationCodes);
    }

    void changeStanding(Tier newTier, PartnerStatus newStatus) {
        this.tier = newTier;
        this.status = newStatus;
    }

    void holdSpecializations(Set<String> codes) {
        specializationCodes.clear();
        specializationCodes.addAll(codes);
    }

    PartnerView view() {
        return new PartnerView(id, legalName, country, regionCode, tier, status, Set.copyOf(specializationCodes));
    }
}
