package org.dealreg.notifications.internal;

import java.util.List;
import java.util.UUID;

import org.dealreg.identity.Role;
import org.dealreg.identity.UserAccounts;
import org.dealreg.identity.UserAccounts.UserSummary;
import org.dealreg.partners.PartnerStandingChanged;
import org.dealreg.registration.DecisionReminderDue;
import org.dealreg.registration.ExtensionDecided;
import org.dealreg.registration.ExtensionRequested;
import org.dealreg.registration.ProtectionEndingSoon;
import org.dealreg.registration.RegistrationExpired;
import org.dealreg.registration.RegistrationDecided;
import org.dealreg.registration.RegistrationEscalated;
import org.dealreg.registration.RegistrationStatus;
import org.dealreg.registration.RegistrationSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Who is told what (DESIGN.md §9): the partner's submitter gets the receipt and the decision; the channel
 * managers get each new submission, the 75 % reminder and extension requests; the programme admins get escalations;
 * the partner is reminded before protection ends, told when it ended, and told the answer to an extension request. Synchronous, in
 * the transaction of the event, so the messages are stored exactly when what they tell is.
 */
@Component
class NotificationListeners {

    private final Notifier notifier;
    private final UserAccounts users;

    NotificationListeners(Notifier notifier, UserAccounts users) {
        this.notifier = notifier;
        this.users = users;
    }

    /** The submitter and the managers read in one query, and told in one statement. */
    @EventListener
    void on(RegistrationSubmitted e) {
        List<UserSummary> found = users.withIdOrRole(e.submittedBy(), Role.CHANNEL_MANAGER);
        notifier.tell(List.of(
                new Notifier.Message(found.stream().filter(u -> u.id().equals(e.submittedBy())).toList(), "receipt",
                        "/deals/" + e.registrationId(), e.receiptNumber(), e.submittedAt(), e.decisionDueAt()),
                new Notifier.Message(found.stream().filter(u -> u.role() == Role.CHANNEL_MANAGER).toList(),
                        "newSubmission", "/review/" + e.registrationId(), e.receiptNumber(), e.amountUsd(),
                        e.decisionDueAt())));
    }

    /**
     * A decision tells the submitter, and ends what the staff were asked to do: every unread notification that
     * points at the registration's review page (a new submission, a reminder, an escalation) is read from then on,
     * whoever decided, so a manager's unread ones are the registrations still waiting for someone.
     */
    @EventListener
    void on(RegistrationDecided e) {
        notifier.settled("/review/" + e.registrationId());
        if (e.status() == RegistrationStatus.APPROVED) {
            notifier.tell(submitter(e.submittedBy()), e.actorId() == null ? "approvedByProgramme" : "approved",
                    "/deals/" + e.registrationId(), e.receiptNumber(), e.at());
        } else if (e.status() == RegistrationStatus.REJECTED) {
            notifier.tell(submitter(e.submittedBy()), "rejected", "/deals/" + e.registrationId(), e.receiptNumber(),
                    e.at(), new DefaultMessageSourceResolvable("rejection." + e.reason()));
        }
    }

    @EventListener
    void on(DecisionReminderDue e) {
        notifier.tell(users.withRole(Role.CHANNEL_MANAGER), "reminder", "/review/" + e.registrationId(),
                e.receiptNumber(), e.decisionDueAt());
    }

    @EventListener
    void on(RegistrationEscalated e) {
        notifier.tell(users.withRole(Role.PROGRAM_ADMIN), "escalation", "/review/" + e.registrationId(),
                e.receiptNumber(), e.decisionDueAt());
    }

    @EventListener
    void on(ProtectionEndingSoon e) {
        notifier.tell(submitter(e.submittedBy()), "protectionEnding", "/deals/" + e.registrationId(), e.receiptNumber(),
                e.protectionEndsAt());
    }

    @EventListener
    void on(RegistrationExpired e) {
        notifier.tell(submitter(e.submittedBy()), "expired", "/deals/" + e.registrationId(), e.receiptNumber(),
                e.protectionEndedAt());
    }

    @EventListener
    void on(ExtensionRequested e) {
        notifier.tell(users.withRole(Role.CHANNEL_MANAGER), "extensionRequested", "/review/extensions",
                e.receiptNumber(), e.protectionEndsAt());
    }

    /** The partner user who asked is told, whether or not they submitted the registration. */
    @EventListener
    void on(ExtensionDecided e) {
        notifier.tell(submitter(e.requestedBy()), e.granted() ? "extensionGranted" : "extensionDeclined",
                "/deals/" + e.registrationId(), e.receiptNumber(), e.protectionEndsAt());
    }

    /** The partner's admins hear of a change of their company's tier or status, with the manager's reason. */
    @EventListener
    void on(PartnerStandingChanged e) {
        notifier.tell(users.partnerAdmins(e.partnerId()), "standing." + e.change(), "/partner/profile", e.reason());
    }

    private List<UserSummary> submitter(UUID id) {
        return users.find(id).map(List::of).orElse(List.of());
    }
}
