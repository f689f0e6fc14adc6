package org.dealreg.integrations.internal;

import java.util.Collection;

import org.dealreg.identity.CurrentUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * An API call's authentication: the machine client that made it, acting as the user who holds the client, with the
 * token's scopes as authorities. Controllers read the user as they do for a page ({@code @AuthenticationPrincipal
 * CurrentUser}), so the API goes through the same module services, with the same rules, as the forms.
 */
final class ApiCaller extends AbstractAuthenticationToken {

    private final CurrentUser actingAs;
    private final String clientId;
    private final ApiClientKind kind;

    ApiCaller(CurrentUser actingAs, String clientId, ApiClientKind kind, Collection<? extends GrantedAuthority> scopes) {
        super(scopes);
        this.actingAs = actingAs;
        this.clientId = clientId;
        this.kind = kind;
        setAuthenticated(true);
    }

    @Override
    public CurrentUser getPrincipal() {
        return actingAs;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return clientId;
    }

    String clientId() {
        return clientId;
    }

    ApiClientKind kind() {
        return kind;
    }
}
