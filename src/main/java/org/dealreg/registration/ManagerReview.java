package org.dealreg.registration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.dealreg.shared.ListOrder;

/**
 * What the vendor's channel managers do with registrations: read every company's, decrypted, and decide the
 * pending ones. Staff only; the partner's own screens never go through here.
 */
public interface ManagerReview {

    /**
     * The queue's column headers' orders: due (the default, the one due first first), amount in USD, submission,
     * receipt number.
     */
    ListOrder.Columns QUEUE_ORDERS = ListOrder.columns("id")
            .ascending("due", "decision_due_at")
            .descending("amount", "amount_usd")
            .descending("submitted", "submitted_at")
            .ascending("receipt", "receipt_number")
            .byDefault("due");

    /**
     * The registrations waiting for a decision that {@code filter} keeps, in {@code order} (one of
     * {@link #QUEUE_ORDERS}), from the {@code offset}-th, at most {@code limit} of them.
     */
    List<PendingRegistration> pending(PendingFilter filter, ListOrder order, long offset, int limit);

    /** How many registrations {@code filter} keeps, and where they stand against their deadlines at {@code now}. */
    PendingCounts countPending(PendingFilter filter, Instant now);

    /**
     * Every pending registration {@code filter} keeps, in {@code order} (the queue's), handed to the sink as
     * PostgreSQL sends them: for an export, which holds no list of them. Plain columns only.
     */
    void eachPending(PendingFilter filter, ListOrder order, Consumer<PendingRegistration> sink);

    /** How many registrations of the partners and verdict {@code filter} keeps were decided (any status since). */
    long countDecided(PendingFilter filter);

    /**
     * Every decided registration {@code filter} keeps, the latest decision first, handed to the sink as PostgreSQL
     * sends them: for the export of decisions. Plain columns only; withdrawn ones were never decided.
     */
    void eachDecided(PendingFilter filter, Consumer<DecidedRegistration> sink);

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
