package org.dealreg.partners.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dealreg.partners.SpecializationView;
import org.dealreg.program.ProgrammeSnapshot;
import org.dealreg.program.WholeSnapshot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The specialisation catalogue in memory, kept current on every node like the programme settings
 * ({@link ProgrammeSnapshot}, docs/settings.md): the admin changes it a few times a year, and the registration form,
 * every submission and the registration's page read it.
 */
@Component
class SpecializationsSnapshot extends WholeSnapshot<SpecializationsSnapshot.Loaded> {

    /** What one load saw: every specialisation by code, and the active ones in catalogue order (by English name). */
    record Loaded(Map<String, SpecializationView> byCode, List<SpecializationView> active) {
    }

    private final JdbcTemplate jdbc;

    SpecializationsSnapshot(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected Loaded read() {
        Map<String, SpecializationView> byCode = new TreeMap<>();
        List<SpecializationView> active = new ArrayList<>();
        jdbc.query("select code, name_en, name_fr, objective_usd, active from specialization order by name_en",
                row -> {
                    SpecializationView view = new SpecializationView(row.getString("code"), row.getString("name_en"),
                            row.getString("name_fr"), row.getBigDecimal("objective_usd"), row.getBoolean("active"));
                    byCode.put(view.code(), view);
                    if (view.active()) {
                        active.add(view);
                    }
                });
        return new Loaded(Map.copyOf(byCode), List.copyOf(active));
    }
}
