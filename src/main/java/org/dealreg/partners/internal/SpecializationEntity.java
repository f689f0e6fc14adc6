package org.dealreg.partners.internal;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.dealreg.partners.SpecializationView;

@Entity
@Table(name = "specialization")
class SpecializationEntity {

    @Id
    private String code;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(name = "name_fr", nullable = false)
    private String nameFr;

    @Column(name = "objective_usd", nullable = false)
    private BigDecimal objectiveUsd;

    @Column(nullable = false)
    private boolean active;

    protected SpecializationEntity() {
    }

    SpecializationEntity(String code, String nameEn, String nameFr, BigDecimal objectiveUsd) {
        this.code = code;
        this.nameEn = nameEn;
        this.nameFr = nameFr;
        this.objectiveUsd = objectiveUsd;
        this.active = true;
    }

    void rename(String nameEn, String nameFr) {
        this.nameEn = nameEn;
        this.nameFr = nameFr;
    }

    void setObjective(BigDecimal objectiveUsd) {
        this.objectiveUsd = objectiveUsd;
    }

    /** Retired specialisations leave the deal form; registrations that name one keep it. */
    void retire() {
        this.active = false;
    }

    void reactivate() {
        this.active = true;
    }

    SpecializationView view() {
        return new SpecializationView(code, nameEn, nameFr, objectiveUsd, active);
    }
}
