package org.dealreg.program;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.Optional;

public interface Regions {

    Optional<RegionView> find(String code);

    /** Every region, by code. */
    List<RegionView> all();

    /** The region's public holidays from {@code from} on (inclusive), for the business-hours clock. */
    Set<LocalDate> holidays(String code, LocalDate from);

    /** The region a partner of this country belongs to. */
    Optional<RegionView> forCountry(String country);
}
