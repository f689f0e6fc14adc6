package org.dealreg.integrations.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Machine clients (issue 13): the portal is its own authorization server for the client-credentials grant (Spring
 * Authorization Server, clients and tokens in PostgreSQL), and {@code /api/**} is a resource server that accepts its
 * access tokens. Tokens are opaque references, looked up in the database on each call, so a revoked client or token
 * is refused by every node at its next call, with no signing key to share between nodes.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final Duration ACCESS_TOKEN_LIFE = Duration.ofMinutes(10);

    /** The tokens every client is given: opaque references, valid {@link #ACCESS_TOKEN_LIFE}. */
    static TokenSettings tokenSettings() {
        return TokenSettings.builder().accessTokenFormat(OAuth2TokenFormat.REFERENCE)
                .accessTokenTimeToLive(ACCESS_TOKEN_LIFE).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, Customizer.withDefaults())
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, OpaqueTokenIntrospector introspector, ApiRefusals refusals)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/api/v1/registrations", "/api/v1/registrations/**")
                        .hasAuthority("SCOPE_registrations:read")
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(refused -> refused.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .oauth2ResourceServer(resource -> resource.opaqueToken(opaque -> opaque.introspector(introspector))
                        .authenticationEntryPoint(refusals).accessDeniedHandler(refusals));
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClients(JdbcOperations jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService authorizations(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    /** The token looked up where the authorization server stored it: active, unexpired, its client still there. */
    @Bean
    OpaqueTokenIntrospector localIntrospector(OAuth2AuthorizationService authorizations,
            RegisteredClientRepository clients) {
        return token -> {
            OAuth2Authorization authorization;
            try {
                authorization = authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
            } catch (DataRetrievalFailureException clientGone) {
                // the token's client was deleted (revoked) after the token was issued
                throw new BadOpaqueTokenException("Client revoked");
            }
            if (authorization == null) {
                throw new BadOpaqueTokenException("Unknown token");
            }
            OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
            if (access == null || !access.isActive()) {
                throw new BadOpaqueTokenException("Token not active");
            }
            RegisteredClient client = clients.findById(authorization.getRegisteredClientId());
            if (client == null) {
                throw new BadOpaqueTokenException("Client revoked");
            }
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("client_id", client.getClientId());
            attributes.put("exp", access.getToken().getExpiresAt());
            List<GrantedAuthority> authorities = new ArrayList<>();
            for (String scope : access.getToken().getScopes()) {
                authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope));
            }
            attributes.put("scope", List.copyOf(access.getToken().getScopes()));
            return new DefaultOAuth2AuthenticatedPrincipal(client.getClientId(), attributes, authorities);
        };
    }
}
