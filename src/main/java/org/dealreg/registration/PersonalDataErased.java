package org.dealreg.registration;

import java.time.Instant;
import java.util.UUID;

/**
 * A registration's customer contact (name, e-mail, phone) was erased at {@code erasedAt}: by the retention rule
 * ({@code erasedBy} null), the programme's retention period after the registration ended at {@code endedAt}, or by a
 * programme admin answering a personal-data request ({@code erasedBy}; {@code endedAt} null while it is open).
 * Published inside the erasing transaction, so the audit trail records exactly the erasures that commit. Carries ids
 * and times only.
 */
public record PersonalDataErased(UUID registrationId, UUID partnerId, Instant endedAt, Instant erasedAt,
        UUID erasedBy) {
}
