package org.dealreg.program;

import java.time.LocalDate;

/** The programme admin moved the day a region opens to partners. */
public record RegionLaunchDateChanged(String regionCode, LocalDate from, LocalDate to) {
}
