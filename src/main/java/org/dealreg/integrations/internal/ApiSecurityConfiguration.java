package org.dealreg.integrations.internal;

import static org.springframework.security.authorization.AuthorizationManagers.allOf;
import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasAuthority;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

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
    SecurityFilterChain authorizationServerChain(HttpSecurity http, ApiClients clients,
            RegisteredClientRepository registered) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        PreviousSecret previousSecret = new PreviousSecret(clients, registered);
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, configurer -> configurer.clientAuthentication(
                        authentication -> authentication.authenticationProviders(providers -> providers.add(previousSecret))))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, TokenIntrospection introspection, ApiRefusals refusals,
            ApiLimits limits) throws Exception {
        http.securityMatcher("/api/**")
                .addFilterAfter(limits.filter(refusals), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.GET, "/api/openapi.json", "/api/openapi.json/**", "/api/docs",
                                "/api/docs/**", "/api/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/registrations", "/api/v1/registrations/**")
                        .access(allOf(hasAuthority(ApiClientKind.PARTNER.authority()),
                                hasAuthority("SCOPE_registrations:read")))
                        .requestMatchers("/api/v1/registrations", "/api/v1/registrations/**")
                        .access(allOf(hasAuthority(ApiClientKind.PARTNER.authority()),
                                hasAuthority("SCOPE_registrations:write")))
                        .requestMatchers("/api/v1/accounts/**")
                        .access(allOf(hasAuthority(ApiClientKind.VENDOR.authority()),
                                hasAuthority("SCOPE_accounts:write")))
                        .requestMatchers("/api/v1/direct-wins/**")
                        .access(allOf(hasAuthority(ApiClientKind.VENDOR.authority()),
                                hasAuthority("SCOPE_credits:write")))
                        .requestMatchers(HttpMethod.GET, "/api/v1/feed/**")
                        .access(allOf(hasAuthority(ApiClientKind.VENDOR.authority()),
                                hasAuthority("SCOPE_registrations:read")))
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(refused -> refused.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .oauth2ResourceServer(resource -> resource.opaqueToken(opaque -> opaque.introspector(introspection)
                                .authenticationConverter(introspection))
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
}
