package org.dealreg.program.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.dealreg.program.ExchangeRates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JpaExchangeRates implements ExchangeRates {

    private final ExchangeRateRepository repository;

    JpaExchangeRates(ExchangeRateRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BigDecimal> usdPerUnit(String currency, LocalDate day) {
        if ("USD".equals(currency)) {
            return Optional.of(BigDecimal.ONE);
        }
        return repository.findFirstByCurrencyAndValidFromLessThanEqualOrderByValidFromDesc(currency, day)
                .map(ExchangeRateEntity::usdPerUnit);
    }

    @Override
    @Transactional
    public void record(String currency, BigDecimal usdPerUnit, LocalDate validFrom) {
        if (usdPerUnit.signum() <= 0) {
            throw new IllegalArgumentException("An exchange rate must be above zero");
        }
        repository.save(new ExchangeRateEntity(currency, usdPerUnit, validFrom));
    }
}
