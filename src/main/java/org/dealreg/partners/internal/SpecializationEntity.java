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

    SpecializationView view() {
        return new SpecializationView(code, nameEn, nameFr, objectiveUsd, active);
    }
}
