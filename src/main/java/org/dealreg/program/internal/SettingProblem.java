package org.dealreg.program.internal;

import java.util.List;

/** Why a setting's new value is refused: a message code of the bundles and its arguments. */
record SettingProblem(String code, List<Object> args) {

    static SettingProblem of(String code, Object... args) {
        return new SettingProblem(code, List.of(args));
    }
}
