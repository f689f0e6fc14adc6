package org.dealreg.identity;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/**
 * Partner users and staff join by invitation: the account is created without a password anybody knows, and a link that
 * works once, for {@link #LIFETIME}, lets its owner set one. Only the SHA-256 of the link's token is stored.
 */
public interface Invitations {

    /** How long an invitation link works. */
    Duration LIFETIME = Duration.ofHours(72);

    /**
     * Creates the user (a partner role with its company, or a staff role without one) and issues their invitation;
     * {@link InvitationIssued} carries the link to mail.
     *
     * @throws EmailTaken when an account already has this e-mail
     */
    UUID invite(Invitee invitee, UUID invitedBy);

    /**
     * A new link for a user of the company who has not set a password yet (the first one expired or was lost); the
     * earlier links stop working.
     *
     * @throws org.dealreg.shared.NotFound when the user is not one of the company's, or already has a password
     */
    void reissue(UUID partnerId, UUID userId, UUID reissuedBy);

    record Invitee(String email, String displayName, Role role, UUID partnerId, Locale locale, ZoneId zone) {
    }
}
