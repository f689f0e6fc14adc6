package org.dealreg.registration;

import java.time.Instant;
import java.util.UUID;

/**
 * The retention rule erased a registration's customer contact (name, e-mail, phone) at {@code erasedAt}, the
 * programme's retention period after the registration ended at {@code endedAt}. Published inside the erasing
 * transaction, so the audit trail records exactly the erasures that commit. Carries ids and times only.
 */
public record PersonalDataErased(UUID registrationId, UUID partnerId, Instant endedAt, Instant erasedAt) {
}
