package org.dealreg.reports.internal;

import java.time.Instant;
import java.util.List;

/** The trust figures of registrations submitted from {@code from} to {@code to}: per region, and all together. */
public record TrustDashboard(Instant from, Instant to, List<RegionFigures> regions, TrustFigures allRegions) {

    /** One region's figures; every region has a line, even one where nothing was submitted. */
    public record RegionFigures(String regionCode, TrustFigures figures) {
    }
}
