package org.dealreg.accounts.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.dealreg.shared.CustomerNormaliser;

@Entity
@Table(name = "direct_account")
class DirectAccountEntity {

    @Id
    private UUID id;

    @Column(name = "crm_id", nullable = false, updatable = false)
    private String crmId;

    @Column(nullable = false)
    private String name;

    @Column(name = "normalised_name", nullable = false)
    private String normalisedName;

    @Column(nullable = false)
    private String country;

    @Column(name = "owner_id", nullable = false)
    private UUID ownerId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "direct_account_domain", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "domain")
    private Set<String> domains = new HashSet<>();

    protected DirectAccountEntity() {
    }

    DirectAccountEntity(String crmId, Instant now) {
        this.id = UUID.randomUUID();
        this.crmId = crmId;
        this.createdAt = now;
    }

    /** Takes what an import or the API says; the same values again change nothing, not even the update time. */
    void update(String name, String country, Set<String> domains, UUID ownerId, Instant now) {
        if (name.equals(this.name) && country.equals(this.country) && domains.equals(this.domains)
                && ownerId.equals(this.ownerId)) {
            return;
        }
        this.name = name;
        this.normalisedName = CustomerNormaliser.name(name);
        this.country = country;
        this.domains.clear();
        this.domains.addAll(domains);
        this.ownerId = ownerId;
        this.updatedAt = now;
    }

    UUID id() { return id; }
    String crmId() { return crmId; }
    String name() { return name; }
    String country() { return country; }
    UUID ownerId() { return ownerId; }
    Set<String> domains() { return Set.copyOf(domains); }
}
