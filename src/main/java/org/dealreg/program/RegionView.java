package org.dealreg.program;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/** A sales region: its currency, time zone, language and the day the programme opens there. */
public record RegionView(String code, String currency, ZoneId zone, Locale defaultLocale, LocalDate launchDate) {

    public boolean launchedOn(LocalDate day) {
        return !day.isBefore(launchDate);
    }
}
