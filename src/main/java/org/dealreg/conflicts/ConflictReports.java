package org.dealreg.conflicts;

import java.util.Optional;
import java.util.UUID;

/** The stored reports, read by the vendor's managers. Partners only ever see a verdict's category. */
public interface ConflictReports {

    Optional<ConflictReport> find(UUID registrationId);
}
