package org.dealreg.program.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.dealreg.program.WholeSnapshot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every exchange rate ever recorded, by currency and the day it applies from, in memory like the settings
 * ({@link SettingsSnapshot}) and kept current the same way ({@link ProgrammeChanges}): an admin records a few a month,
 * and every submission in another currency than the dollar reads one.
 */
@Component
class ExchangeRatesSnapshot extends WholeSnapshot<Map<String, NavigableMap<LocalDate, BigDecimal>>> {

    private final JdbcTemplate jdbc;

    ExchangeRatesSnapshot(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rates by currency, each from the day it applies. */
    @Override
    protected Map<String, NavigableMap<LocalDate, BigDecimal>> read() {
        Map<String, NavigableMap<LocalDate, BigDecimal>> fresh = new HashMap<>();
        jdbc.query("select currency, valid_from, usd_per_unit from exchange_rate", row -> {
            fresh.computeIfAbsent(row.getString("currency"), currency -> new TreeMap<>())
                    .put(row.getObject("valid_from", LocalDate.class), row.getBigDecimal("usd_per_unit"));
        });
        fresh.replaceAll((currency, byDay) -> Collections.unmodifiableNavigableMap(byDay));
        return Map.copyOf(fresh);
    }
}
