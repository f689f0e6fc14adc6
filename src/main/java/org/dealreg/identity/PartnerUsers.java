package org.dealreg.identity;

import java.util.List;
import java.util.UUID;

/** A partner company's own users, always named with the company: a user of another company is not found. */
public interface PartnerUsers {

    /** The company's users, by name. */
    List<Member> members(UUID partnerId);

    /**
     * Deactivates or reactivates a user of the company; publishes {@link UserAccessChanged} when it changes.
     *
     * @throws org.dealreg.shared.NotFound when the user is not one of the company's
     */
    void setActive(UUID partnerId, UUID userId, boolean active, UUID changedBy);

    /** {@code invited}: the user has not set a password through their invitation yet. */
    record Member(UUID id, String email, String displayName, Role role, boolean active, boolean invited) {
    }
}
