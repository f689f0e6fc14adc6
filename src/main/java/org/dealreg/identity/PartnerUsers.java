package org.dealreg.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;

/** A partner company's own users, always named with the company: a user of another company is not found. */
public interface PartnerUsers {

    /**
     * One page of the company's users, by name ({@code size} a page; past the end, the last page): PostgreSQL counts
     * and pages them.
     */
    Page<Member> members(UUID partnerId, int page, int size);

    /** One user of the company; empty when the user is another company's, or nobody's. */
    Optional<Member> member(UUID partnerId, UUID userId);

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
