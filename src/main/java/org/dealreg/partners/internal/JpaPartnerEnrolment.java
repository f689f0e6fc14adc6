package org.dealreg.partners.internal;

import java.time.Clock;
import java.util.UUID;

import org.dealreg.partners.PartnerEnrolment;
import org.dealreg.partners.PartnerStatus;
import org.dealreg.partners.PartnerView;
import org.dealreg.program.Regions;
import org.dealreg.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JpaPartnerEnrolment implements PartnerEnrolment {

    private final PartnerRepository repository;
    private final Regions regions;
    private final Clock clock;

    JpaPartnerEnrolment(PartnerRepository repository, Regions regions, Clock clock) {
        this.repository = repository;
        this.regions = regions;
        this.clock = clock;
    }

    @Override
    @Transactional
    public PartnerView recordApplicant(String legalName, String country) {
        String region = regions.forCountry(country)
                .orElseThrow(() -> new IllegalArgumentException("No region serves country " + country)).code();
        PartnerEntity partner = repository.findByLegalName(legalName)
                .map(known -> known.applyAgainFrom(country, region))
                .orElseGet(() -> PartnerEntity.applicant(legalName, country, region, clock.instant()));
        // flushed here so that the unique name index answers a second application sent at the same moment now
        return repository.saveAndFlush(partner).view();
    }

    @Override
    @Transactional
    public PartnerView accept(UUID partnerId) {
        PartnerEntity partner = repository.findById(partnerId).orElseThrow(() -> new NotFound("Partner"));
        if (partner.view().status() != PartnerStatus.APPLIED) {
            throw new IllegalStateException("Only an applicant company can be accepted");
        }
        return partner.acceptAsRegistered().view();
    }
}
