package org.dealreg.registration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** The managers' side of extension requests: the open ones, the one ending first first, and the answers. */
public interface ExtensionReview {

    /** The open requests, the one whose protection ends first first, from the {@code offset}-th, at most {@code limit}. */
    List<ExtensionToDecide> pending(long offset, int limit);

    /** How many requests are open. */
    long countPending();

    /**
     * Every open request, in the queue's order, handed to the sink as PostgreSQL sends them: for an export, which holds
     * no list of them. Nothing decrypted.
     */
    void eachPending(Consumer<ExtensionToDecide> sink);

    /**
     * Protection ends the extension length (setting) later.
     *
     * @throws org.dealreg.shared.RulesBroken when the request was answered meanwhile, the registration is no longer
     *         approved, or the maximum of extensions is reached: nothing is changed
     */
    void grant(UUID registrationId, UUID requestId, UUID manager);

    /** @throws org.dealreg.shared.RulesBroken as for {@link #grant} */
    void decline(UUID registrationId, UUID requestId, UUID manager, String reason);

    /**
     * An open request in the queue: nothing decrypted, so listing the queue is not a look at anyone's registration.
     * The partner's reason is read on the registration's review page, which logs who opened it.
     */
    record ExtensionToDecide(UUID registrationId, UUID requestId, String receiptNumber, UUID partnerId,
            Instant protectionEndsAt, int extensionsGranted, Instant requestedAt, UUID requestedBy) {
    }
}
