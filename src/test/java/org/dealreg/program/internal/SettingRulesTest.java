package org.dealreg.program.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.dealreg.program.Setting;
import org.dealreg.shared.FieldProblem;
import org.dealreg.shared.RulesBroken;
import org.junit.jupiter.api.Test;

class SettingRulesTest {

    /** The seeded values: every one of them is allowed. */
    static Map<Setting, String> defaults() {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.MINIMUM_DEAL_USD, "75000");
        values.put(Setting.DECISION_HOURS_CLEAR, "24");
        values.put(Setting.DECISION_HOURS_OTHER, "48");
        values.put(Setting.CLOCK_MODE, "CALENDAR");
        values.put(Setting.BREACH_POLICY, "AUTO_APPROVE_CLEAR");
        values.put(Setting.PROTECTION_DAYS, "90");
        values.put(Setting.EXTENSION_DAYS, "30");
        values.put(Setting.MAX_EXTENSIONS, "2");
        values.put(Setting.OPEN_CAP_REGISTERED, "10");
        values.put(Setting.OPEN_CAP_CERTIFIED, "30");
        values.put(Setting.PAYMENT_TERMS_REGISTERED, "30");
        values.put(Setting.PAYMENT_TERMS_CERTIFIED, "45");
        values.put(Setting.ENGAGEMENT_LAPSE_DAYS, "180");
        values.put(Setting.WEAK_MATCH_THRESHOLD, "0.55");
        values.put(Setting.PRECHECKS_PER_HOUR, "30");
        values.put(Setting.PRECHECKS_PER_HOUR_PER_PARTNER, "100");
        values.put(Setting.APPLICATIONS_PER_HOUR_PER_ADDRESS, "5");
        values.put(Setting.FISCAL_YEAR_START_MONTH, "1");
        values.put(Setting.PERSONAL_DATA_RETENTION_MONTHS, "12");
        values.put(Setting.API_REQUESTS_PER_MINUTE, "600");
        values.put(Setting.API_BULK_LINES_PER_HOUR, "1000000");
        return values;
    }

    @Test
    void theSeededValuesAreAllowed() {
        assertThat(SettingRules.check(defaults())).isEmpty();
    }

    @Test
    void theMinimumDealMustBeAnAmountAboveZero() {
        assertThat(refused(Setting.MINIMUM_DEAL_USD, "0")).isEqualTo("admin.settings.positiveAmount");
        assertThat(refused(Setting.MINIMUM_DEAL_USD, "-1")).isEqualTo("admin.settings.positiveAmount");
        assertThat(refused(Setting.MINIMUM_DEAL_USD, "75,000")).isEqualTo("admin.settings.positiveAmount");
        assertThat(refused(Setting.MINIMUM_DEAL_USD, "1.005")).isEqualTo("admin.settings.positiveAmount");
        assertThat(refused(Setting.MINIMUM_DEAL_USD, "50000.50")).isNull();
    }

    @Test
    void hoursAreAtLeastOneAndAPossibleConflictNeverGetsLessTimeThanAClearRegistration() {
        assertThat(refused(Setting.DECISION_HOURS_CLEAR, "0")).isEqualTo("admin.settings.wholeNumber");
        assertThat(refused(Setting.DECISION_HOURS_CLEAR, "-24")).isEqualTo("admin.settings.wholeNumber");
        assertThat(refused(Setting.DECISION_HOURS_CLEAR, "1.5")).isEqualTo("admin.settings.wholeNumber");
        assertThat(refused(Setting.DECISION_HOURS_OTHER, "721")).isEqualTo("admin.settings.wholeNumber");
        assertThat(refused(Setting.DECISION_HOURS_OTHER, "12")).isEqualTo("admin.settings.otherBelowClear");
        assertThat(refused(Setting.DECISION_HOURS_OTHER, "24")).as("the same window is allowed").isNull();
    }

    @Test
    void daysAreAtLeastOne() {
        for (Setting days : new Setting[] {Setting.PROTECTION_DAYS, Setting.EXTENSION_DAYS,
                Setting.ENGAGEMENT_LAPSE_DAYS}) {
            assertThat(refused(days, "0")).as(days.key()).isEqualTo("admin.settings.wholeNumber");
            assertThat(refused(days, "1")).as(days.key()).isNull();
        }
    }

    @Test
    void extensionsRunFromZeroToTen() {
        assertThat(refused(Setting.MAX_EXTENSIONS, "0")).isNull();
        assertThat(refused(Setting.MAX_EXTENSIONS, "10")).isNull();
        assertThat(refused(Setting.MAX_EXTENSIONS, "11")).isEqualTo("admin.settings.wholeNumber");
        assertThat(refused(Setting.MAX_EXTENSIONS, "-1")).isEqualTo("admin.settings.wholeNumber");
    }

    @Test
    void capsAndLimitsAreAtLeastOneAndPaymentTermsRunFromOneTo120Days() {
        assertThat(refused(Setting.OPEN_CAP_REGISTERED, "0")).isEqualTo("admin.settings.wholeNumber");
        assertThat(refused(Setting.OPEN_CAP_CERTIFIED, "0")).isEqualTo("admin.settings.wholeNumber");
        assertThat(refused(Setting.PRECHECKS_PER_HOUR, "0")).isEqualTo("admin.settings.wholeNumber");
        assertThat(refused(Setting.PRECHECKS_PER_HOUR_PER_PARTNER, "0")).isEqualTo("admin.settings.wholeNumber");
        assertThat(refused(Setting.PAYMENT_TERMS_REGISTERED, "0")).isEqualTo("admin.settings.wholeNumber");
        assertThat(refused(Setting.PAYMENT_TERMS_CERTIFIED, "121")).isEqualTo("admin.settings.wholeNumber");
        assertThat(refused(Setting.PAYMENT_TERMS_CERTIFIED, "120")).isNull();
    }

    @Test
    void theWeakMatchThresholdRunsFrom030To095() {
        assertThat(refused(Setting.WEAK_MATCH_THRESHOLD, "0.29")).isEqualTo("admin.settings.decimalRange");
        assertThat(refused(Setting.WEAK_MATCH_THRESHOLD, "0.96")).isEqualTo("admin.settings.decimalRange");
        assertThat(refused(Setting.WEAK_MATCH_THRESHOLD, "0,55")).isEqualTo("admin.settings.decimalRange");
        assertThat(refused(Setting.WEAK_MATCH_THRESHOLD, "0.30")).isNull();
        assertThat(refused(Setting.WEAK_MATCH_THRESHOLD, "0.95")).isNull();
    }

    @Test
    void theFiscalYearStartsInAMonthAndRetentionIsAtLeastOneMonth() {
        assertThat(refused(Setting.FISCAL_YEAR_START_MONTH, "0")).isEqualTo("admin.settings.wholeNumber");
        assertThat(refused(Setting.FISCAL_YEAR_START_MONTH, "13")).isEqualTo("admin.settings.wholeNumber");
        assertThat(refused(Setting.FISCAL_YEAR_START_MONTH, "7")).isNull();
        assertThat(refused(Setting.PERSONAL_DATA_RETENTION_MONTHS, "0")).isEqualTo("admin.settings.wholeNumber");
    }

    @Test
    void choicesAreOnlyTheirValues() {
        assertThat(refused(Setting.CLOCK_MODE, "WHENEVER")).isEqualTo("admin.settings.choice");
        assertThat(refused(Setting.CLOCK_MODE, "business")).isEqualTo("admin.settings.choice");
        assertThat(refused(Setting.CLOCK_MODE, "BUSINESS")).isNull();
        assertThat(refused(Setting.BREACH_POLICY, "AUTO_APPROVE_ALL")).isEqualTo("admin.settings.choice");
        assertThat(refused(Setting.BREACH_POLICY, "ESCALATE_ONLY")).isNull();
    }

    @Test
    void aMissingOrBlankValueIsRefused() {
        Map<Setting, String> values = defaults();
        values.remove(Setting.PROTECTION_DAYS);
        values.put(Setting.EXTENSION_DAYS, "  ");
        assertThat(SettingRules.check(values)).containsOnlyKeys(Setting.PROTECTION_DAYS, Setting.EXTENSION_DAYS);
    }

    @Test
    void everyBadValueOfAPostIsNamedAtOnce() {
        Map<Setting, String> values = defaults();
        values.put(Setting.MINIMUM_DEAL_USD, "0");
        values.put(Setting.MAX_EXTENSIONS, "99");
        assertThat(SettingRules.check(values)).containsOnlyKeys(Setting.MINIMUM_DEAL_USD, Setting.MAX_EXTENSIONS);
    }

    @Test
    void aRateMustBeANumberAboveZero() {
        assertThat(RateRules.parse("1.08")).isEqualByComparingTo("1.08");
        assertThat(RateRules.parse(" 1,0825 ")).isEqualByComparingTo("1.0825");
        for (String bad : new String[] {"0", "0.00", "-1.08"}) {
            assertThat(refusedRate(bad)).as(bad).isEqualTo("admin.rates.positive");
        }
        for (String bad : new String[] {"abc", "1.123456789", "1e3", "1000000"}) {
            assertThat(refusedRate(bad)).as(bad).isEqualTo("admin.rates.invalid");
        }
    }

    private static String refused(Setting setting, String value) {
        Map<Setting, String> values = defaults();
        values.put(setting, value);
        FieldProblem problem = SettingRules.check(values).get(setting);
        return problem == null ? null : problem.code();
    }

    private static String refusedRate(String typed) {
        try {
            RateRules.parse(typed);
            return null;
        } catch (RulesBroken refused) {
            return refused.code();
        }
    }
}
