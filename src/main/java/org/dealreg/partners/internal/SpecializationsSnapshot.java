package org.dealreg.partners.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dealreg.partners.SpecializationView;
import org.dealreg.program.ProgrammeSnapshot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The specialisation catalogue in memory, kept current on every node like the programme settings
 * ({@link ProgrammeSnapshot}, docs/settings.md): the admin changes it a few times a year, and the registration form,
 * every submission and the registration's page read it.
 */
@Component
class SpecializationsSnapshot implements ProgrammeSnapshot {

    /** What one load saw: every specialisation by code, and the active ones in catalogue order (by English name). */
    record Loaded(Map<String, SpecializationView> byCode, List<SpecializationView> active) {
    }

    private final JdbcTemplate jdbc;
    private final Object loading = new Object();
    private volatile Loaded loaded;

    SpecializationsSnapshot(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Loaded now() {
        Loaded now = loaded;
        return now != null ? now : load();
    }

    @Override
    public void reload() {
        load();
    }

    private Loaded load() {
        synchronized (loading) {
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
            loaded = new Loaded(Map.copyOf(byCode), List.copyOf(active));
            return loaded;
        }
    }
}
