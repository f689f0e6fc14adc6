package org.dealreg.program.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.dealreg.program.ProgrammeSnapshot;
import org.dealreg.program.Setting;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every programme setting of this node in memory, so that reading one costs no query. The whole set is loaded in one
 * query and replaced at once: a reader sees the values of one moment, never half of a change. It is reloaded after
 * a change commits on this node and when another node's change is announced ({@link ProgrammeChanges}). See docs/settings.md.
 */
@Component
class SettingsSnapshot implements ProgrammeSnapshot {

    private final JdbcTemplate jdbc;
    private final Object loading = new Object();
    private volatile Map<Setting, String> values;

    SettingsSnapshot(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String value(Setting setting) {
        Map<Setting, String> now = values;
        if (now == null) {
            now = load();
        }
        String value = now.get(setting);
        if (value == null) {
            throw new IllegalStateException("Programme setting " + setting.key() + " is missing");
        }
        return value;
    }

    @Override
    public void reload() {
        load();
    }

    /**
     * Reads every setting again. Loads run one at a time, so a load that started before a change committed can never
     * replace the values of a load that started after it.
     */
    private Map<Setting, String> load() {
        synchronized (loading) {
            Map<Setting, String> fresh = new EnumMap<>(Setting.class);
            jdbc.query("select name, value from program_setting", row -> {
                Setting setting = byKey(row.getString("name"));
                if (setting != null) {
                    fresh.put(setting, row.getString("value"));
                }
            });
            values = Collections.unmodifiableMap(fresh);
            return values;
        }
    }

    /** The setting a stored name stands for; null for a name this version does not know. */
    static Setting byKey(String key) {
        for (Setting setting : Setting.values()) {
            if (setting.key().equals(key)) {
                return setting;
            }
        }
        return null;
    }
}
