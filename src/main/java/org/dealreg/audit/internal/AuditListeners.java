package org.dealreg.audit.internal;


import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.dealreg.credits.RepCredited;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.SignedIn;
import org.dealreg.identity.StaffAccountChanged;
import org.dealreg.integrations.ApiClientChanged;
import org.dealreg.partners.PartnerSpecializationsChanged;
import org.dealreg.partners.PartnerStandingChanged;
import org.dealreg.partners.SpecializationChanged;
import org.dealreg.program.ExchangeRateRecorded;
import org.dealreg.program.RegionHolidayChanged;
import org.dealreg.program.RegionLaunchDateChanged;
import org.dealreg.program.SettingChanged;
import org.dealreg.registration.DecisionReminderDue;
import org.dealreg.registration.ExtensionDecided;
import org.dealreg.registration.ExtensionRequested;
import org.dealreg.registration.PersonalDataErased;
import org.dealreg.registration.PersonalDataRequested;
import org.dealreg.registration.ProtectionEndingSoon;
import org.dealreg.registration.RegistrationClosed;
import org.dealreg.registration.RegistrationDecided;
import org.dealreg.registration.RegistrationEscalated;
import org.dealreg.registration.RegistrationExpired;
import org.dealreg.registration.RegistrationSubmitted;
import org.dealreg.registration.RegistrationViewedByStaff;
import org.dealreg.registration.RegistrationsExported;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Everything the trail records, from the events the modules publish. The listeners run synchronously, in the
 * transaction of what they record, so an action that commits is in the trail and one that rolls back is not.
 * The events carry ids, codes, amounts and times — never a field a partner typed — so neither does the trail.
 */
@Component
class AuditListeners {

    private final AuditTrail trail;

    AuditListeners(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(RegistrationSubmitted e) {
        trail.append(e.submittedBy(), "", "REGISTRATION_SUBMITTED", "registration", e.registrationId().toString(),
                "receipt=" + e.receiptNumber() + " partner=" + e.partnerId() + " submittedAt=" + e.submittedAt()
                        + " dueAt=" + e.decisionDueAt() + " amountUsd=" + e.amountUsd().toPlainString());
    }

    @EventListener
    void on(RegistrationDecided e) {
        trail.append(e.actorId(), "", "REGISTRATION_" + e.status(), "registration", e.registrationId().toString(),
                "partner=" + e.partnerId() + (e.reason() == null ? "" : " reason=" + e.reason())
                        + (e.actorId() == null ? " by=programme" : ""));
    }

    @EventListener
    void on(RegistrationViewedByStaff e) {
        trail.append(e.viewerId(), "", "REGISTRATION_VIEWED", "registration", e.registrationId().toString(),
                "role=" + e.viewerRole() + " partner=" + e.partnerId());
    }

    @EventListener
    void on(RegistrationsExported e) {
        trail.append(e.exportedBy(), "", "REGISTRATIONS_EXPORTED", "partner", e.partnerId().toString(),
                "role=" + e.role() + " format=" + e.format() + " status=" + (e.status() == null ? "all" : e.status())
                        + " rows=" + e.rows());
    }

    @EventListener
    void on(PersonalDataErased e) {
        trail.append(e.erasedBy(), "", "PERSONAL_DATA_ERASED", "registration", e.registrationId().toString(),
                "partner=" + e.partnerId() + " endedAt=" + e.endedAt() + " erasedAt=" + e.erasedAt()
                        + (e.erasedBy() == null ? "" : " by=request"));
    }

    /**
     * A personal-data request: the search once, with the contact's blind index as its subject (the address itself is
     * never kept in a trail that is never erased); an export once per registration, as a look at it.
     */
    @EventListener
    void on(PersonalDataRequested e) {
        if (e.step() == PersonalDataRequested.Step.FOUND) {
            trail.append(e.requestedBy(), "", "PERSONAL_DATA_SEARCHED", "contact", e.contactIndex(),
                    "found=" + e.registrationIds().size() + " registrations=" + e.registrationIds());
        } else {
            for (java.util.UUID registration : e.registrationIds()) {
                trail.append(e.requestedBy(), "", "PERSONAL_DATA_EXPORTED", "registration", registration.toString(),
                        "format=" + e.format() + " contact=" + e.contactIndex());
            }
        }
    }

    @EventListener
    void on(RegistrationEscalated e) {
        trail.append(null, "", "REGISTRATION_ESCALATED", "registration", e.registrationId().toString(),
                "receipt=" + e.receiptNumber() + " dueAt=" + e.decisionDueAt());
    }

    @EventListener
    void on(DecisionReminderDue e) {
        trail.append(null, "", "DECISION_REMINDER", "registration", e.registrationId().toString(),
                "receipt=" + e.receiptNumber() + " dueAt=" + e.decisionDueAt());
    }

    @EventListener
    void on(ExtensionRequested e) {
        trail.append(e.requestedBy(), "", "EXTENSION_REQUESTED", "registration", e.registrationId().toString(),
                "partner=" + e.partnerId() + " protectionEndsAt=" + e.protectionEndsAt());
    }

    @EventListener
    void on(ExtensionDecided e) {
        trail.append(e.managerId(), "", e.granted() ? "EXTENSION_GRANTED" : "EXTENSION_DECLINED", "registration",
                e.registrationId().toString(), "partner=" + e.partnerId() + " protectionEndsAt=" + e.protectionEndsAt());
    }

    @EventListener
    void on(ProtectionEndingSoon e) {
        trail.append(null, "", "PROTECTION_REMINDER", "registration", e.registrationId().toString(),
                "receipt=" + e.receiptNumber() + " daysBefore=" + e.daysBefore() + " protectionEndsAt=" + e.protectionEndsAt());
    }

    @EventListener
    void on(RegistrationExpired e) {
        trail.append(null, "", "REGISTRATION_EXPIRED", "registration", e.registrationId().toString(),
                "partner=" + e.partnerId() + " protectionEndedAt=" + e.protectionEndedAt());
    }

    @EventListener
    void on(RegistrationClosed e) {
        trail.append(e.closedBy(), "", "REGISTRATION_" + e.outcome(), "registration", e.registrationId().toString(),
                "partner=" + e.partnerId() + " closedOn=" + e.closedOn()
                        + (e.won() ? " amount=" + e.amount().toPlainString() + " " + e.currency()
                                + " amountUsd=" + e.amountUsd().toPlainString() : ""));
    }

    @EventListener
    void on(RepCredited e) {
        trail.append(e.recordedBy(), "", "REP_CREDITED", "credit", e.creditId().toString(),
                "rep=" + e.repId() + " account=" + e.accountId() + " source=" + e.source()
                        + " amountUsd=" + e.amountUsd().toPlainString() + " closedOn=" + e.closedOn()
                        + (e.registrationId() == null ? "" : " registration=" + e.registrationId())
                        + (e.recordedBy() == null ? " by=programme" : ""));
    }

    @EventListener
    void on(PartnerStandingChanged e) {
        trail.append(e.changedBy(), "", "PARTNER_" + e.change().toUpperCase(java.util.Locale.ROOT), "partner",
                e.partnerId().toString(), "tier=" + e.fromTier() + "->" + e.toTier() + " status=" + e.fromStatus() + "->"
                        + e.toStatus());
    }

    @EventListener
    void on(PartnerSpecializationsChanged e) {
        trail.append(e.changedBy(), "", "PARTNER_SPECIALIZATIONS", "partner", e.partnerId().toString(),
                "from=" + new java.util.TreeSet<>(e.before()) + " to=" + new java.util.TreeSet<>(e.after()));
    }

    @EventListener
    void on(SettingChanged e) {
        admin("SETTING_CHANGED", "setting", e.key(), "from=" + e.oldValue() + " to=" + e.newValue());
    }

    @EventListener
    void on(SpecializationChanged e) {
        admin("SPECIALIZATION_" + e.change(), "specialization", e.code(), "objectiveUsd="
                + e.objectiveUsd().toPlainString() + " nameEn=" + e.nameEn() + " nameFr=" + e.nameFr());
    }

    @EventListener
    void on(RegionLaunchDateChanged e) {
        admin("REGION_LAUNCH_DATE_CHANGED", "region", e.regionCode(), "from=" + e.from() + " to=" + e.to());
    }

    @EventListener
    void on(RegionHolidayChanged e) {
        admin(e.added() ? "HOLIDAY_ADDED" : "HOLIDAY_REMOVED", "region", e.regionCode(),
                "day=" + e.day() + " name=" + e.name());
    }

    @EventListener
    void on(ExchangeRateRecorded e) {
        admin("EXCHANGE_RATE_RECORDED", "currency", e.currency(),
                "usdPerUnit=" + e.usdPerUnit().toPlainString() + " validFrom=" + e.validFrom());
    }

    @EventListener
    void on(StaffAccountChanged e) {
        admin("STAFF_" + e.change(), "user", e.userId().toString(),
                e.previousRole() == e.role() ? "role=" + e.role() : "from=" + e.previousRole() + " to=" + e.role());
    }

    @EventListener
    void on(ApiClientChanged e) {
        CurrentUser by = SignedIn.user().orElse(null);
        trail.append(by == null ? null : by.id(), by == null ? "" : by.email(), "API_CLIENT_" + e.change(), "api_client",
                e.clientId(), "kind=" + e.kind() + (e.partnerId() == null ? "" : " partner=" + e.partnerId()));
    }

    /** A change the signed-in programme admin made (admin texts, never a partner's, so they may be kept). */
    private void admin(String action, String subjectType, String subjectId, String details) {
        CurrentUser by = SignedIn.user().orElse(null);
        trail.append(by == null ? null : by.id(), by == null ? "" : by.email(), action, subjectType, subjectId, details);
    }

    /**
     * A person's sign-in with their password. An API call authenticates too (its token, acting as the client's
     * holder), on every call: that is not a sign-in, and would write a row per call.
     */
    @EventListener
    void on(AuthenticationSuccessEvent e) {
        if (e.getAuthentication() instanceof UsernamePasswordAuthenticationToken
                && e.getAuthentication().getPrincipal() instanceof CurrentUser user) {
            trail.append(user.id(), user.email(), "LOGIN_SUCCEEDED", "user", user.id().toString(), "");
        }
    }

    /**
     * The e-mail as typed, which may be nobody's: a failed sign-in names no user id. Anything that does not look
     * like an e-mail address (a password typed in the wrong field, say) is not kept in a trail that is never erased.
     */
    @EventListener
    void on(AbstractAuthenticationFailureEvent e) {
        String typed = e.getAuthentication().getName();
        String label = typed != null && EMAIL.matcher(typed).matches() ? truncate(typed, 254) : "(not an e-mail address)";
        trail.append(null, label, "LOGIN_FAILED", "", "", "reason=" + e.getException().getClass().getSimpleName());
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    /** A signed-in user refused a page (403). Anonymous visitors sent to the sign-in page are not denials. */
    @EventListener
    void on(AuthorizationDeniedEvent<?> e) {
        Authentication authentication = e.getAuthentication().get();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !(authentication.getPrincipal() instanceof CurrentUser user)) {
            return;
        }
        String path = e.getSource() instanceof HttpServletRequest request
                ? request.getMethod() + " " + request.getRequestURI()
                : String.valueOf(e.getSource());
        trail.append(user.id(), user.email(), "ACCESS_DENIED", "path", truncate(path, 100), "role=" + user.role());
    }

    private static String truncate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
