package org.dealreg.registration;

/** Where a registration stands (DESIGN.md §4). Submitted and approved registrations are open. */
public enum RegistrationStatus {
    SUBMITTED, APPROVED, REJECTED, WITHDRAWN, EXPIRED, WON, LOST;

    public boolean isOpen() {
        return this == SUBMITTED || this == APPROVED;
    }
}
