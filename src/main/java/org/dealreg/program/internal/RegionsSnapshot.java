package org.dealreg.program.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.dealreg.program.WholeSnapshot;
import org.dealreg.program.RegionView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every region, the countries it covers and its holidays, in memory like the settings ({@link SettingsSnapshot}) and
 * kept current the same way ({@link ProgrammeChanges}): a submission needs its partner's region and holidays.
 */
@Component
class RegionsSnapshot extends WholeSnapshot<RegionsSnapshot.Loaded> {

    /** What one load saw, replaced as a whole. */
    record Loaded(Map<String, RegionView> byCode, Map<String, String> regionOfCountry,
            Map<String, NavigableSet<LocalDate>> holidays) {

        Set<LocalDate> holidaysFrom(String code, LocalDate from) {
            NavigableSet<LocalDate> days = holidays.get(code);
            return days == null ? Set.of() : Collections.unmodifiableSet(days.tailSet(from, true));
        }
    }

    private final JdbcTemplate jdbc;

    RegionsSnapshot(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads every region again; loads run one at a time, as for the settings. */
    @Override
    protected Loaded read() {
        Map<String, RegionView> byCode = new TreeMap<>();
        jdbc.query("select code, currency, time_zone, default_locale, launch_date from region", row -> {
            byCode.put(row.getString("code"), new RegionView(row.getString("code"), row.getString("currency"),
                    ZoneId.of(row.getString("time_zone")), Locale.forLanguageTag(row.getString("default_locale")),
                    row.getObject("launch_date", LocalDate.class)));
        });
        Map<String, String> regionOfCountry = new HashMap<>();
        jdbc.query("select country, region_code from region_country",
                row -> {
                    regionOfCountry.put(row.getString("country"), row.getString("region_code"));
                });
        Map<String, NavigableSet<LocalDate>> holidays = new HashMap<>();
        jdbc.query("select region_code, day from region_holiday", row -> {
            holidays.computeIfAbsent(row.getString("region_code"), code -> new TreeSet<>())
                    .add(row.getObject("day", LocalDate.class));
        });
        holidays.replaceAll((code, days) -> Collections.unmodifiableNavigableSet(days));
        return new Loaded(Collections.unmodifiableMap(byCode), Map.copyOf(regionOfCountry), Map.copyOf(holidays));
    }
}
