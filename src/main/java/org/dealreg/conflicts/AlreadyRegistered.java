package org.dealreg.conflicts;

import java.util.UUID;

/** The partner already holds an active registration for this customer; nothing was claimed or stored. */
public class AlreadyRegistered extends RuntimeException {

    private final UUID existingRegistrationId;

    public AlreadyRegistered(UUID existingRegistrationId) {
        super("The partner already holds an active registration for this customer");
        this.existingRegistrationId = existingRegistrationId;
    }

    public UUID existingRegistrationId() {
        return existingRegistrationId;
    }
}
