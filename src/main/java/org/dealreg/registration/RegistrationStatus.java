package org.dealreg.registration;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** Where a registration stands (DESIGN.md §4). Submitted and approved registrations are open. */
public enum RegistrationStatus {
    SUBMITTED, APPROVED, REJECTED, WITHDRAWN, EXPIRED, WON, LOST;

    /** What the vendor decided for a registration now in this status: one closed or expired had been approved. */
    public RegistrationStatus decision() {
        return switch (this) {
            case WON, LOST, EXPIRED -> APPROVED;
            default -> this;
        };
    }

    public boolean isOpen() {
        return this == SUBMITTED || this == APPROVED;
    }

    /** Its name in the reader's language, as a message's argument ("a registration that is Withdrawn"). */
    public MessageSourceResolvable named() {
        return new DefaultMessageSourceResolvable("status." + name());
    }
}
