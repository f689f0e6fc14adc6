package org.dealreg.program.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "exchange_rate")
class ExchangeRateEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String currency;

    @Column(name = "usd_per_unit", nullable = false)
    private BigDecimal usdPerUnit;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    protected ExchangeRateEntity() {
    }

    ExchangeRateEntity(String currency, BigDecimal usdPerUnit, LocalDate validFrom) {
        this.currency = currency;
        this.usdPerUnit = usdPerUnit;
        this.validFrom = validFrom;
    }

    BigDecimal usdPerUnit() {
        return usdPerUnit;
    }
}
