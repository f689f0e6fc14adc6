package org.dealreg.program.internal;

import java.util.Map;

import org.dealreg.program.Setting;

/** A settings post broke a rule; nothing was changed. */
class SettingsRefused extends RuntimeException {

    private final Map<Setting, SettingProblem> problems;

    SettingsRefused(Map<Setting, SettingProblem> problems) {
        super("Settings refused: " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    Map<Setting, SettingProblem> problems() {
        return problems;
    }
}
