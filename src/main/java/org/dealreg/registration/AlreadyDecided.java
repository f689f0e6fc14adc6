package org.dealreg.registration;

import java.util.UUID;

/**
 * A decision or a withdrawal on a registration that is no longer waiting for one, or that changed since the
 * person acting looked at it: nothing is changed. Says what it is now and which manager made it so (null when
 * the programme, the partner or nobody did).
 */
public class AlreadyDecided extends RuntimeException {

    private final RegistrationStatus status;
    private final UUID decidedBy;

    public AlreadyDecided(RegistrationStatus status, UUID decidedBy) {
        super("The registration is " + status + " and changed since it was shown");
        this.status = status;
        this.decidedBy = decidedBy;
    }

    public RegistrationStatus status() { return status; }

    public UUID decidedBy() { return decidedBy; }
}
