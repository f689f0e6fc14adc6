package org.dealreg.program.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExchangeRateRepository extends JpaRepository<ExchangeRateEntity, Long> {
}
