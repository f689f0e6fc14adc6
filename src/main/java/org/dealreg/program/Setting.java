package org.dealreg.program;

/** The programme settings an admin can change without a release; their defaults are seeded by migration. */
public enum Setting {
    MINIMUM_DEAL_USD("minimum-deal-usd"),
    DECISION_HOURS_CLEAR("decision-hours-clear"),
    DECISION_HOURS_OTHER("decision-hours-other"),
    CLOCK_MODE("clock-mode"),
    BREACH_POLICY("breach-policy"),
    PROTECTION_DAYS("protection-days"),
    EXTENSION_DAYS("extension-days"),
    MAX_EXTENSIONS("max-extensions"),
    OPEN_CAP_REGISTERED("open-cap-registered"),
    OPEN_CAP_CERTIFIED("open-cap-certified"),
    PAYMENT_TERMS_REGISTERED("payment-terms-registered"),
    PAYMENT_TERMS_CERTIFIED("payment-terms-certified"),
    ENGAGEMENT_LAPSE_DAYS("engagement-lapse-days"),
    WEAK_MATCH_THRESHOLD("weak-match-threshold"),
    PRECHECKS_PER_HOUR("prechecks-per-hour"),
    PRECHECKS_PER_HOUR_PER_PARTNER("prechecks-per-hour-per-partner"),
    APPLICATIONS_PER_HOUR_PER_ADDRESS("applications-per-hour-per-address"),
    FISCAL_YEAR_START_MONTH("fiscal-year-start-month"),
    PERSONAL_DATA_RETENTION_MONTHS("personal-data-retention-months"),
    API_REQUESTS_PER_MINUTE("api-requests-per-minute"),
    API_BULK_LINES_PER_HOUR("api-bulk-lines-per-hour");

    private final String key;

    Setting(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
