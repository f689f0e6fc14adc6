package org.dealreg.program.internal;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.dealreg.program.Setting;
import org.dealreg.shared.FieldProblem;

/**
 * What each programme setting may be. Plain Java, so the whole rule is one unit-tested class: the settings page
 * refuses the whole post when any value breaks it. The upper bounds keep a typo (an extra zero) from silently
 * breaking the programme's promise; they are far above anything the programme plans.
 */
final class SettingRules {

    static final int MAX_HOURS = 720;
    static final int MAX_DAYS = 3650;
    static final int MAX_COUNT = 1_000_000;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    static final BigDecimal MIN_THRESHOLD = new BigDecimal("0.30");
    static final BigDecimal MAX_THRESHOLD = new BigDecimal("0.95");

    private SettingRules() {
    }

    /** The problems of a complete set of new values (each on its setting's key), by setting; empty when every value may be stored. */
    static Map<Setting, FieldProblem> check(Map<Setting, String> values) {
        Map<Setting, FieldProblem> problems = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String value = values.get(setting);
            FieldProblem problem = value == null || value.isBlank()
                    ? on(setting, "admin.settings.required")
                    : check(setting, value.trim());
            if (problem != null) {
                problems.put(setting, problem);
            }
        }
        if (!problems.containsKey(Setting.DECISION_HOURS_CLEAR) && !problems.containsKey(Setting.DECISION_HOURS_OTHER)
                && Integer.parseInt(values.get(Setting.DECISION_HOURS_OTHER).trim())
                        < Integer.parseInt(values.get(Setting.DECISION_HOURS_CLEAR).trim())) {
            problems.put(Setting.DECISION_HOURS_OTHER, on(Setting.DECISION_HOURS_OTHER, "admin.settings.otherBelowClear"));
        }
        return problems;
    }

    /** The problem of one value (on the setting's key), or null when it may be stored. */
    static FieldProblem check(Setting setting, String value) {
        return switch (setting) {
            case MINIMUM_DEAL_USD -> amount(setting, value);
            case DECISION_HOURS_CLEAR, DECISION_HOURS_OTHER -> whole(setting, value, 1, MAX_HOURS);
            case PROTECTION_DAYS, EXTENSION_DAYS, ENGAGEMENT_LAPSE_DAYS -> whole(setting, value, 1, MAX_DAYS);
            case MAX_EXTENSIONS -> whole(setting, value, 0, 10);
            case OPEN_CAP_REGISTERED, OPEN_CAP_CERTIFIED, PRECHECKS_PER_HOUR, PRECHECKS_PER_HOUR_PER_PARTNER,
                    APPLICATIONS_PER_HOUR_PER_ADDRESS, API_REQUESTS_PER_MINUTE ->
                    whole(setting, value, 1, MAX_COUNT);
            case API_BULK_LINES_PER_HOUR -> whole(setting, value, 1, 100 * MAX_COUNT);
            case PAYMENT_TERMS_REGISTERED, PAYMENT_TERMS_CERTIFIED -> whole(setting, value, 1, 120);
            case FISCAL_YEAR_START_MONTH -> whole(setting, value, 1, 12);
            case PERSONAL_DATA_RETENTION_MONTHS -> whole(setting, value, 1, 120);
            case WEAK_MATCH_THRESHOLD -> threshold(setting, value);
            case CLOCK_MODE, BREACH_POLICY -> choices(setting).contains(value) ? null
                    : on(setting, "admin.settings.choice");
        };
    }

    /** The values a setting with a fixed list of choices accepts; empty for the others. */
    static Set<String> choices(Setting setting) {
        return switch (setting) {
            case CLOCK_MODE -> Set.of("CALENDAR", "BUSINESS");
            case BREACH_POLICY -> Set.of("AUTO_APPROVE_CLEAR", "ESCALATE_ONLY");
            default -> Set.of();
        };
    }

    /** A setting's problem, on the page's field for it (its key). */
    static FieldProblem on(Setting setting, String code, Object... args) {
        return FieldProblem.on(setting.key(), code, args);
    }

    private static FieldProblem whole(Setting setting, String value, int min, int max) {
        if (!value.matches("-?\\d{1,9}")) {
            return on(setting, "admin.settings.wholeNumber", min, max);
        }
        int n = Integer.parseInt(value);
        return n < min || n > max ? on(setting, "admin.settings.wholeNumber", min, max) : null;
    }

    private static FieldProblem amount(Setting setting, String value) {
        BigDecimal amount = decimal(value);
        return amount == null || amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(MAX_AMOUNT) >= 0
                ? on(setting, "admin.settings.positiveAmount")
                : null;
    }

    private static FieldProblem threshold(Setting setting, String value) {
        BigDecimal threshold = decimal(value);
        return threshold == null || threshold.compareTo(MIN_THRESHOLD) < 0 || threshold.compareTo(MAX_THRESHOLD) > 0
                ? on(setting, "admin.settings.decimalRange", MIN_THRESHOLD.toPlainString(),
                        MAX_THRESHOLD.toPlainString())
                : null;
    }

    /** A plain decimal with a point (settings are not amounts a partner types); null when it is not one. */
    private static BigDecimal decimal(String value) {
        return value.matches("-?\\d{1,13}(\\.\\d{1,8})?") ? new BigDecimal(value) : null;
    }
}
