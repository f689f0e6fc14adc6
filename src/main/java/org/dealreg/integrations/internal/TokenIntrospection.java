package org.dealreg.integrations.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.UserAccounts;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/**
 * A call's token looked up where the authorization server stored it, on every call (docs/api.md): refused (401)
 * unless it is active and unexpired, its client not revoked, and the user the client acts for may still use the
 * portal — enabled, with an active company. So a revoked client, a deactivated admin or a suspended partner is
 * refused at its next call by every node.
 */
@Component
class TokenIntrospection implements OpaqueTokenIntrospector, OpaqueTokenAuthenticationConverter {

    private static final String CALLER = "dealreg_caller";
    private static final String KIND = "dealreg_kind";

    private final OAuth2AuthorizationService authorizations;
    private final ApiClients clients;
    private final UserAccounts users;

    TokenIntrospection(OAuth2AuthorizationService authorizations, ApiClients clients, UserAccounts users) {
        this.authorizations = authorizations;
        this.clients = clients;
        this.users = users;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        OAuth2Authorization authorization;
        try {
            authorization = authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
        } catch (DataRetrievalFailureException clientGone) {
            throw new BadOpaqueTokenException("Client revoked");
        }
        if (authorization == null) {
            throw new BadOpaqueTokenException("Unknown token");
        }
        OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
        if (access == null || !access.isActive()) {
            throw new BadOpaqueTokenException("Token not active");
        }
        ApiClients.Holder holder = clients.holder(authorization.getPrincipalName())
                .orElseThrow(() -> new BadOpaqueTokenException("Client revoked"));
        CurrentUser caller = users.allowedNow(holder.ownerId())
                .filter(user -> holder.partnerId() == null || holder.partnerId().equals(user.partnerId()))
                .orElseThrow(() -> new BadOpaqueTokenException("The client's holder may not use the portal now"));
        clients.used(holder, Instant.now());
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(holder.kind().authority()));
        for (String scope : access.getToken().getScopes()) {
            authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope));
        }
        return new DefaultOAuth2AuthenticatedPrincipal(holder.clientId(),
                Map.of(CALLER, caller, KIND, holder.kind(), "client_id", holder.clientId(),
                        "scope", List.copyOf(access.getToken().getScopes())), authorities);
    }

    @Override
    public Authentication convert(String token, OAuth2AuthenticatedPrincipal principal) {
        return new ApiCaller(principal.getAttribute(CALLER), principal.getName(), principal.getAttribute(KIND),
                principal.getAuthorities());
    }
}
