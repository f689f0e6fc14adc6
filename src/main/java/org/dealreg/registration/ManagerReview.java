package org.dealreg.registration;

import java.util.List;
import java.util.UUID;

/**
 * What the vendor's channel managers do with registrations: read every company's, decrypted, and decide the
 * pending ones. Staff only; the partner's own screens never go through here.
 */
public interface ManagerReview {

    /** Every registration waiting for a decision, the one due first first. */
    List<PendingRegistration> pending();

    /** @throws org.dealreg.shared.NotFound when there is no such registration */
    RegistrationForReview find(UUID id);

    /**
     * A member of staff opens the registration: the view is logged (the partner sees who looked, and when) and
     * recorded in the audit trail, then the registration is read.
     *
     * @throws org.dealreg.shared.NotFound when there is no such registration
     */
    RegistrationForReview open(UUID id, UUID viewer, String viewerRole);

    /** @throws AlreadyDecided when it is no longer pending or changed since {@code versionSeen} */
    void approve(UUID id, int versionSeen, UUID manager);

    /** @throws AlreadyDecided when it is no longer pending or changed since {@code versionSeen} */
    void reject(UUID id, int versionSeen, UUID manager, RejectionReason reason, String comment);
}
