package org.dealreg.program.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

import org.dealreg.program.ExchangeRates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rates from this node's {@link ExchangeRatesSnapshot}: no query per request. A rate recorded here is announced
 * to every node in its transaction ({@link ProgrammeChanges}), as the admin's page does.
 */
@Service
class CachedExchangeRates implements ExchangeRates {

    private final ExchangeRateRepository repository;
    private final ExchangeRatesSnapshot snapshot;
    private final ProgrammeChanges changes;

    CachedExchangeRates(ExchangeRateRepository repository, ExchangeRatesSnapshot snapshot, ProgrammeChanges changes) {
        this.repository = repository;
        this.snapshot = snapshot;
        this.changes = changes;
    }

    @Override
    public Optional<BigDecimal> usdPerUnit(String currency, LocalDate day) {
        if ("USD".equals(currency)) {
            return Optional.of(BigDecimal.ONE);
        }
        NavigableMap<LocalDate, BigDecimal> rates = snapshot.now().get(currency);
        Map.Entry<LocalDate, BigDecimal> inForce = rates == null ? null : rates.floorEntry(day);
        return Optional.ofNullable(inForce).map(Map.Entry::getValue);
    }

    @Override
    @Transactional
    public void record(String currency, BigDecimal usdPerUnit, LocalDate validFrom) {
        if (usdPerUnit.signum() <= 0) {
            throw new IllegalArgumentException("An exchange rate must be above zero");
        }
        repository.save(new ExchangeRateEntity(currency, usdPerUnit, validFrom));
        changes.announce();
    }
}
