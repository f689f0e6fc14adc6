package org.dealreg.program.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.dealreg.program.WholeSnapshot;
import org.dealreg.program.Setting;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every programme setting of this node in memory, so that reading one costs no query. The whole set is loaded in one
 * query and replaced at once: a reader sees the values of one moment, never half of a change. It is reloaded after
 * a change commits on this node and when another node's change is announced ({@link ProgrammeChanges}). See docs/settings.md.
 */
@Component
class SettingsSnapshot extends WholeSnapshot<Map<Setting, String>> {

    private final JdbcTemplate jdbc;

    SettingsSnapshot(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String value(Setting setting) {
        String value = now().get(setting);
        if (value == null) {
            throw new IllegalStateException("Programme setting " + setting.key() + " is missing");
        }
        return value;
    }

    @Override
    protected Map<Setting, String> read() {
        Map<Setting, String> fresh = new EnumMap<>(Setting.class);
        jdbc.query("select name, value from program_setting", row -> {
            Setting setting = byKey(row.getString("name"));
            if (setting != null) {
                fresh.put(setting, row.getString("value"));
            }
        });
        return Collections.unmodifiableMap(fresh);
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
