package org.dealreg.program;

import java.util.List;
import java.util.Optional;

public interface Regions {

    Optional<RegionView> find(String code);

    /** Every region, by code. */
    List<RegionView> all();

    /** The region a partner of this country belongs to. */
    Optional<RegionView> forCountry(String country);
}
