package org.dealreg.program.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.dealreg.shared.FieldProblem;
import org.dealreg.shared.RulesBroken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settings page's application service: every setting with when and by whom it was last changed, and a whole
 * post changed at once or not at all. Each change goes through {@link ProgramSettings#change}, which publishes the
 * {@code SettingChanged} the audit trail records.
 */
@Service
class SettingsAdministration {

    private final ProgramSettings settings;
    private final JdbcTemplate jdbc;

    SettingsAdministration(ProgramSettings settings, JdbcTemplate jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
    }

    record SettingRow(Setting setting, String value, Instant updatedAt, String updatedBy) {
    }

    /** Every setting, in the order of {@link Setting}. */
    @Transactional(readOnly = true)
    public List<SettingRow> all() {
        Map<String, StoredSetting> stored = new HashMap<>();
        jdbc.query("select name, value, updated_at, updated_by from program_setting", (rs, n) -> new StoredSetting(
                rs.getString("name"), rs.getString("value"), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"))).forEach(row -> stored.put(row.name(), row));
        return Arrays.stream(Setting.values()).filter(setting -> stored.containsKey(setting.key()))
                .map(setting -> {
                    StoredSetting row = stored.get(setting.key());
                    return new SettingRow(setting, row.value(), row.updatedAt(), row.updatedBy());
                }).toList();
    }

    private record StoredSetting(String name, String value, Instant updatedAt, String updatedBy) {
    }

    /** The values now, for the form. */
    @Transactional(readOnly = true)
    public Map<Setting, String> values() {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        all().forEach(row -> values.put(row.setting(), row.value()));
        return values;
    }

    /**
     * Stores the values the admin changed on the page, or nothing when any value breaks a rule. {@code shown} are the
     * values the page showed: a setting left as shown keeps what is in force now (another admin may have changed it
     * since), and a setting changed both here and by someone else meanwhile is refused rather than overwritten.
     *
     * @return how many settings changed
     * @throws RulesBroken naming each refused setting (its key as the field)
     */
    @Transactional
    public int change(Map<Setting, String> values, Map<Setting, String> shown, String changedBy) {
        // the values in force, read under the lock: another node's change may not have reached this node's snapshot
        Map<Setting, String> inForce = new EnumMap<>(Setting.class);
        jdbc.query("select name, value from program_setting for update", row -> {
            Setting setting = SettingsSnapshot.byKey(row.getString("name"));
            if (setting != null) {
                inForce.put(setting, row.getString("value"));
            }
        });
        Map<Setting, String> effective = new EnumMap<>(Setting.class);
        Map<Setting, FieldProblem> conflicts = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String typed = values.get(setting);
            String was = shown.get(setting);
            String now = inForce.get(setting);
            if (typed != null && was != null && typed.trim().equals(was.trim())) {
                effective.put(setting, now);
            } else {
                effective.put(setting, typed);
                if (typed != null && was != null && !now.equals(was.trim())) {
                    conflicts.put(setting, SettingRules.on(setting, "admin.settings.changedMeanwhile", now));
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new RulesBroken(List.copyOf(conflicts.values()));
        }
        Map<Setting, FieldProblem> problems = SettingRules.check(effective);
        if (!problems.isEmpty()) {
            throw new RulesBroken(List.copyOf(problems.values()));
        }
        int changed = 0;
        for (Setting setting : Setting.values()) {
            String value = effective.get(setting).trim();
            if (!value.equals(inForce.get(setting))) {
                settings.change(setting, value);
                jdbc.update("update program_setting set updated_by = ? where name = ?", changedBy, setting.key());
                changed++;
            }
        }
        return changed;
    }
}
