package org.dealreg.program.internal;

import org.springframework.context.ApplicationContext;

/** For tests that change the programme's tables with SQL: announces it as the application would, and reloads now. */
public final class ProgrammeChangesForTests {

    private ProgrammeChangesForTests() {
    }

    public static void changedBySql(ApplicationContext context) {
        context.getBean(ProgrammeChanges.class).announce();
    }
}
