package org.dealreg.program.internal;

import java.util.Optional;
import java.time.LocalDate;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExchangeRateRepository extends JpaRepository<ExchangeRateEntity, Long> {

    Optional<ExchangeRateEntity> findFirstByCurrencyAndValidFromLessThanEqualOrderByValidFromDesc(String currency,
            LocalDate day);
}
