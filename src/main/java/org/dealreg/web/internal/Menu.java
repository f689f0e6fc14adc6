package org.dealreg.web.internal;

import java.util.Set;

import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout shows the signed-in user, worked out once per page from their role. The templates ask
 * {@code ${menu.manager()}} rather than {@code sec:authorize="hasRole('CHANNEL_MANAGER')"}: each of the layout's
 * sixteen {@code sec:authorize} built and evaluated a security expression, a sixth of a page's CPU. Which role sees
 * what is unchanged, and it only decides what is shown: every address still checks the role itself.
 */
public record Menu(Role role, String displayName) {

    static final Menu SIGNED_OUT = new Menu(null, null);

    public boolean signedIn() {
        return role != null;
    }

    /** Partner users and partner admins. */
    public boolean partner() {
        return role != null && role.isPartner();
    }

    public boolean partnerAdmin() {
        return role == Role.PARTNER_ADMIN;
    }

    public boolean manager() {
        return role == Role.CHANNEL_MANAGER;
    }

    /** Channel managers and programme admins. */
    public boolean staff() {
        return role == Role.CHANNEL_MANAGER || role == Role.PROGRAM_ADMIN;
    }

    /** Who may look customers' accounts up: sales reps, channel managers and programme admins. */
    public boolean accounts() {
        return role != null && Set.of(Role.SALES_REP, Role.CHANNEL_MANAGER, Role.PROGRAM_ADMIN).contains(role);
    }

    public boolean rep() {
        return role == Role.SALES_REP;
    }

    public boolean admin() {
        return role == Role.PROGRAM_ADMIN;
    }

    /** Machine clients and webhooks: partner admins (their company's) and programme admins (the programme's). */
    public boolean integrations() {
        return role == Role.PARTNER_ADMIN || role == Role.PROGRAM_ADMIN;
    }

    @ControllerAdvice
    static class Model {

        @ModelAttribute("menu")
        Menu menu(@AuthenticationPrincipal CurrentUser user) {
            return user == null ? SIGNED_OUT : new Menu(user.role(), user.displayName());
        }
    }
}
