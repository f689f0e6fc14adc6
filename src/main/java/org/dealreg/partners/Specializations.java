package org.dealreg.partners;

import java.util.List;
import java.util.Optional;

public interface Specializations {

    /** The active specialisations, in catalogue order. */
    List<SpecializationView> active();

    Optional<SpecializationView> find(String code);
}
