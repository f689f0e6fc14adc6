package org.dealreg.program.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dealreg.program.RegionView;
import org.dealreg.program.Regions;
import org.springframework.stereotype.Service;

/** The regions from this node's {@link RegionsSnapshot}: no query per request. */
@Service
class CachedRegions implements Regions {

    private final RegionsSnapshot snapshot;

    CachedRegions(RegionsSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public Set<LocalDate> holidays(String code, LocalDate from) {
        return snapshot.now().holidaysFrom(code, from);
    }

    @Override
    public Optional<RegionView> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(snapshot.now().byCode().get(code));
    }

    @Override
    public List<RegionView> all() {
        return List.copyOf(snapshot.now().byCode().values());
    }

    @Override
    public Optional<RegionView> forCountry(String country) {
        if (country == null) {
            return Optional.empty();
        }
        RegionsSnapshot.Loaded now = snapshot.now();
        return Optional.ofNullable(now.regionOfCountry().get(country)).map(now.byCode()::get);
    }
}
