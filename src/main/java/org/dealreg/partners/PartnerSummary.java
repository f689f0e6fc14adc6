package org.dealreg.partners;

import java.util.UUID;

/** A partner company in a few plain words, for figures over every company (the dashboards). */
public record PartnerSummary(UUID id, String legalName, String regionCode, Tier tier, PartnerStatus status) {
}
