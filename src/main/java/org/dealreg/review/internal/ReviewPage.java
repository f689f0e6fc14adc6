package org.dealreg.review.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dealreg.conflicts.ConflictReport;
import org.dealreg.partners.PartnerView;
import org.dealreg.registration.RegistrationForReview;

/** Everything a manager decides from: the registration, its partner, the report with names, and who did what. */
public record ReviewPage(RegistrationForReview deal, PartnerView partner, ConflictReport report, List<ReportLine> lines,
        Map<UUID, String> people, DeadlineBadge badge, long extensionDays) {

    /** A person's display name; the programme itself when nobody is named. */
    public String person(UUID id) {
        return id == null ? null : people.getOrDefault(id, "?");
    }
}
