package org.dealreg.program;

import java.math.BigDecimal;
import java.time.Duration;

/** Reads the programme settings in force now. */
public interface ProgramSettings {

    String value(Setting setting);

    default BigDecimal decimal(Setting setting) {
        return new BigDecimal(value(setting));
    }

    default int integer(Setting setting) {
        return Integer.parseInt(value(setting));
    }

    default BigDecimal minimumDealUsd() {
        return decimal(Setting.MINIMUM_DEAL_USD);
    }

    default Duration decisionWindowWhenClear() {
        return Duration.ofHours(integer(Setting.DECISION_HOURS_CLEAR));
    }

    /** For a registration the conflict check classified REVIEW or CONFLICT. */
    default Duration decisionWindowOtherwise() {
        return Duration.ofHours(integer(Setting.DECISION_HOURS_OTHER));
    }

    /** Changes a setting for what comes next; earlier registrations keep what they were given. */
    void change(Setting setting, String value);
}
