package org.dealreg.integrations.internal;

import java.util.Set;

import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;

/**
 * The two kinds of machine client (docs/api.md): a partner's system, acting for its company only, and the vendor's
 * (its CRM), acting for the programme. Who may hold one, and which scopes it is given, follow from the kind.
 */
enum ApiClientKind {

    PARTNER(Role.PARTNER_ADMIN, Set.of("registrations:read", "registrations:write")),
    VENDOR(Role.PROGRAM_ADMIN, Set.of("accounts:write", "credits:write", "registrations:read"));

    private final Role administeredBy;
    private final Set<String> scopes;

    ApiClientKind(Role administeredBy, Set<String> scopes) {
        this.administeredBy = administeredBy;
        this.scopes = scopes;
    }

    /** The authority every call of a client of this kind carries, beside its token's scopes. */
    String authority() {
        return "CLIENT_" + name();
    }

    Set<String> scopes() {
        return scopes;
    }

    /** The kind of client a user administers: partner admins their company's, programme admins the vendor's. */
    static ApiClientKind administeredBy(CurrentUser user) {
        for (ApiClientKind kind : values()) {
            if (kind.administeredBy == user.role()) {
                return kind;
            }
        }
        throw new org.dealreg.shared.NotFound("Integrations");
    }
}
