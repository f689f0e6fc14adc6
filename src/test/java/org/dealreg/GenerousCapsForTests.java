package org.dealreg;

import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The tests share one database and register hundreds of deals as the demo's Bob, whose company would soon reach its
 * tier's cap of open registrations, and apply to the programme from one address. So the test run raises those limits
 * out of reach; the tests of the limits themselves set their own and put these back.
 */
@Component
public class GenerousCapsForTests {

    public static final String CAP = "100000";

    private final ProgramSettings settings;

    GenerousCapsForTests(ProgramSettings settings) {
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void raiseTheCaps() {
        settings.change(Setting.OPEN_CAP_REGISTERED, CAP);
        settings.change(Setting.OPEN_CAP_CERTIFIED, CAP);
        // every test applies from 127.0.0.1
        settings.change(Setting.APPLICATIONS_PER_HOUR_PER_ADDRESS, CAP);
    }
}
