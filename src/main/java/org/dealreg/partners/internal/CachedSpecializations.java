package org.dealreg.partners.internal;

import java.util.List;
import java.util.Optional;

import org.dealreg.partners.SpecializationView;
import org.dealreg.partners.Specializations;
import org.springframework.stereotype.Service;

/** The catalogue from this node's {@link SpecializationsSnapshot}: no query per request. */
@Service
class CachedSpecializations implements Specializations {

    private final SpecializationsSnapshot snapshot;

    CachedSpecializations(SpecializationsSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public List<SpecializationView> active() {
        return snapshot.now().active();
    }

    @Override
    public Optional<SpecializationView> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(snapshot.now().byCode().get(code));
    }
}
