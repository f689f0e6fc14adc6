package org.dealreg.team.internal;

import java.util.List;
import java.util.Optional;

import org.dealreg.identity.Role;
import org.dealreg.shared.FieldProblem;
import org.dealreg.shared.RulesBroken;

/** Whom a partner admin may invite: a colleague as a partner user or a partner admin, never a staff role. */
final class InviteRules {

    /** The roles a partner admin may give. */
    static final List<Role> ROLES = List.of(Role.PARTNER_USER, Role.PARTNER_ADMIN);

    private InviteRules() {
    }

    /** The form's problems beside its format constraints, each on its field. */
    static List<FieldProblem> problems(InviteForm form) {
        return partnerRole(form.role()).isPresent() ? List.of() : List.of(FieldProblem.on("role", "team.role.invalid"));
    }

    /** @throws RulesBroken on the role when it is not one a partner admin may give */
    static Role role(InviteForm form) {
        return partnerRole(form.role()).orElseThrow(() -> new RulesBroken(problems(form)));
    }

    private static Optional<Role> partnerRole(String text) {
        return ROLES.stream().filter(r -> r.name().equals(text)).findFirst();
    }
}
