package org.dealreg.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The audit chain's record of a registration's submission, for its receipt (docs/receipts.md): where the
 * {@code REGISTRATION_SUBMITTED} row sits in the chain and its hash, and the check of a receipt's claim against it.
 */
public interface SubmissionSeals {

    /** The submission's row: sealed at a chain position with its hash, or still waiting for the sealer; empty if none. */
    Optional<Seal> of(UUID registrationId);

    /**
     * The chain position of the registration's submission row when that row is sealed with exactly this hash, its
     * fields still give that hash, the chain is intact from its start up to it, and it records this receipt number
     * submitted at this instant; empty otherwise (whatever the reason, so that the answer reveals nothing else).
     */
    OptionalLong check(UUID registrationId, String hash, String receiptNumber, Instant submittedAt);

    /** A submission row: {@code position} and {@code hash} are null until it is sealed. */
    record Seal(Long position, String hash) {

        public boolean sealed() {
            return hash != null;
        }
    }
}
