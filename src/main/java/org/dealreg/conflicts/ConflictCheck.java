package org.dealreg.conflicts;

import java.time.Instant;
import java.util.UUID;

/**
 * The check a submission runs inside its own READ COMMITTED transaction: it serialises on the
 * customer, refuses a partner's second registration of the same customer, claims the customer, and
 * stores the verdict with every match.
 */
public interface ConflictCheck {

    /**
     * @throws AlreadyRegistered when the partner already holds an active claim on this customer
     */
    CheckOutcome claimAndCheck(UUID registrationId, UUID partnerId, CustomerToCheck customer);

    /** The registration ended (rejected, withdrawn, expired, closed): its customer is free again. */
    void release(UUID registrationId, Instant at);

    /** The verdict a submission would get now, without claiming or storing anything. */
    Verdict preview(UUID partnerId, CustomerToCheck customer, Instant at);
}
