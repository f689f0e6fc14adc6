package org.dealreg.program;

import java.time.LocalDate;

/** A public holiday was added to a region's calendar or removed from it. */
public record RegionHolidayChanged(String regionCode, LocalDate day, String name, boolean added) {
}
