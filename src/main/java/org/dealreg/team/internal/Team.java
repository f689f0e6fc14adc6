package org.dealreg.team.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.EmailTaken;
import org.dealreg.identity.Invitations;
import org.dealreg.identity.PartnerUsers;
import org.dealreg.identity.Role;
import org.dealreg.registration.RegistrationsBySubmitter;
import org.dealreg.registration.RegistrationsBySubmitter.Submitted;
import org.dealreg.shared.RulesBroken;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin's company's users and what each registered; every call takes the company from the signed-in admin. */
@Service
class Team {

    static final int LATEST = 3;

    /** Users a page: a partner-facing list. */
    static final int PAGE_SIZE = 20;

    private final PartnerUsers users;
    private final Invitations invitations;
    private final RegistrationsBySubmitter registrations;

    Team(PartnerUsers users, Invitations invitations, RegistrationsBySubmitter registrations) {
        this.users = users;
        this.invitations = invitations;
        this.registrations = registrations;
    }

    public record Member(PartnerUsers.Member user, Submitted registered) {
    }

    /** One page of the admin's company's users, with what each of them registered (read for that page only). */
    @Transactional(readOnly = true)
    Page<Member> members(CurrentUser admin, int page) {
        Page<PartnerUsers.Member> users = this.users.members(admin.partnerId(), page, PAGE_SIZE);
        Map<UUID, Submitted> registered = registrations.ofCompany(admin.partnerId(),
                users.map(PartnerUsers.Member::id).getContent(), LATEST);
        return users.map(u -> new Member(u, registered.getOrDefault(u.id(), new Submitted(0, List.of()))));
    }

    /** The colleague gets the admin's language and time zone to start with; each may change them later. */
    @Transactional
    void invite(CurrentUser admin, InviteForm form) {
        Role role = InviteRules.role(form);
        try {
            invitations.invite(new Invitations.Invitee(form.email().strip(), form.displayName().strip(), role,
                    admin.partnerId(), admin.locale(), admin.zone()), admin.id());
        } catch (EmailTaken taken) {
            throw RulesBroken.on("email", "team.email.taken");
        }
    }

    @Transactional
    void setActive(CurrentUser admin, UUID userId, boolean active) {
        if (userId.equals(admin.id())) {
            throw RulesBroken.refused("team.self");
        }
        users.setActive(admin.partnerId(), userId, active, admin.id());
    }

    /** Another link for a colleague who has not set a password yet. */
    @Transactional
    void reinvite(CurrentUser admin, UUID userId) {
        invitations.reissue(admin.partnerId(), userId, admin.id());
    }
}
