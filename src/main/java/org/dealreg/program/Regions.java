package org.dealreg.program;

import java.util.Optional;

public interface Regions {

    Optional<RegionView> find(String code);

    /** The region a partner of this country belongs to. */
    Optional<RegionView> forCountry(String country);
}
