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

    /** How long an approval reserves the customer. */
    default Duration protectionPeriod() {
        return Duration.ofDays(integer(Setting.PROTECTION_DAYS));
    }

    /** How much longer each granted extension reserves it. */
    default Duration extensionLength() {
        return Duration.ofDays(integer(Setting.EXTENSION_DAYS));
    }

    default int maxExtensions() {
        return integer(Setting.MAX_EXTENSIONS);
    }

    /** Changes a setting for what comes next; earlier registrations keep what they were given. */
    void change(Setting setting, String value);
}
