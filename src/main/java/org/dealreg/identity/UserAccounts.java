package org.dealreg.identity;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public interface UserAccounts {

    /** Display names by user id, in one query. */
    Map<UUID, String> displayNames(Collection<UUID> ids);

    Optional<UserSummary> findByEmail(String email);

    /** Who a user is, without anything secret. */
    /** An enabled user; a disabled one is nobody to notify. */
    Optional<UserSummary> find(UUID id);

    /** Every enabled user with the role (the managers to notify, say), by e-mail. */
    List<UserSummary> withRole(Role role);

    /**
     * In one query: the user with the id if enabled, and every enabled user with the role, by e-mail (a submission's
     * submitter and the managers it tells).
     */
    List<UserSummary> withIdOrRole(UUID id, Role role);

    /**
     * The user as a sign-in would make them, if they may use the portal now (enabled, their password set, their company
     * active): whom a machine client acts for. Nothing secret is in it.
     */
    Optional<CurrentUser> allowedNow(UUID id);

    /** A partner company's enabled admins: who hears of changes to the company's standing. */
    List<UserSummary> partnerAdmins(UUID partnerId);

    record UserSummary(UUID id, String email, String displayName, Role role, UUID partnerId, Locale locale,
            ZoneId zone) {
    }

    /** Creates an enabled user; the password is hashed with Argon2. */
    UUID create(NewUser user);

    record NewUser(String email, String displayName, Role role, UUID partnerId, Locale locale, ZoneId zone,
            String rawPassword) {

        @Override
        public String toString() {
            return "NewUser[" + email + ", " + role + "]";
        }
    }
}
