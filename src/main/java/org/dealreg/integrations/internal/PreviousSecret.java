package org.dealreg.integrations.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * A client authenticates at the token endpoint with the secret a rotation replaced, while its grace period lasts
 * ({@link ApiClients#ROTATION_GRACE}). Asked only when the current secret did not match; answers nothing (null) when
 * this one does not either, so the caller gets the authorization server's own invalid_client answer.
 */
class PreviousSecret implements AuthenticationProvider {

    private final ApiClients clients;
    private final RegisteredClientRepository registered;

    PreviousSecret(ApiClients clients, RegisteredClientRepository registered) {
        this.clients = clients;
        this.registered = registered;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2ClientAuthenticationToken client = (OAuth2ClientAuthenticationToken) authentication;
        ClientAuthenticationMethod method = client.getClientAuthenticationMethod();
        if (!ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method)
                && !ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(method)) {
            return null;
        }
        String clientId = client.getPrincipal().toString();
        String secret = client.getCredentials() == null ? null : client.getCredentials().toString();
        if (!clients.matchesPreviousSecret(clientId, secret)) {
            return null;
        }
        RegisteredClient found = registered.findByClientId(clientId);
        return found == null ? null : new OAuth2ClientAuthenticationToken(found, method, secret);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
