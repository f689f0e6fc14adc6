package org.dealreg.identity.internal;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.servlet.LocaleResolver;
import org.dealreg.identity.CurrentUser;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline script or style anywhere: every script is a static file of the portal. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LocaleResolver localeResolver, LoginThrottle throttle,
            JpaUserAccounts users) throws Exception {
        http
            .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
            .addFilterAfter(new StillAllowedFilter(users), SecurityContextHolderFilter.class)
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/login", "/error", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico",
                        "/robots.txt")
                    .permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/apply", "/apply/**", "/invitations/**", "/password-reset", "/password-reset/**",
                        "/receipts/check")
                    .permitAll()
                .requestMatchers(HttpMethod.GET, "/partners/applications", "/partners/applications/**")
                    .hasAnyRole("CHANNEL_MANAGER", "PROGRAM_ADMIN")
                .requestMatchers("/partners/applications", "/partners/applications/**").hasRole("CHANNEL_MANAGER")
                .requestMatchers("/team", "/team/**").hasRole("PARTNER_ADMIN")
                .requestMatchers("/integrations", "/integrations/**").hasAnyRole("PARTNER_ADMIN", "PROGRAM_ADMIN")
                .requestMatchers("/webhooks", "/webhooks/**").hasAnyRole("PARTNER_ADMIN", "PROGRAM_ADMIN")
                .requestMatchers("/actuator/**").hasRole("PROGRAM_ADMIN")
                .requestMatchers("/deals", "/deals/**").hasAnyRole("PARTNER_USER", "PARTNER_ADMIN")
                .requestMatchers("/accounts", "/accounts/**").hasAnyRole("SALES_REP", "CHANNEL_MANAGER", "PROGRAM_ADMIN")
                .requestMatchers("/credits", "/credits/**").hasRole("SALES_REP")
                .requestMatchers(HttpMethod.GET, "/review", "/review/**").hasAnyRole("CHANNEL_MANAGER", "PROGRAM_ADMIN")
                .requestMatchers("/review", "/review/**").hasRole("CHANNEL_MANAGER")
                .requestMatchers("/reports/trust", "/reports/trust/**").hasAnyRole("CHANNEL_MANAGER", "PROGRAM_ADMIN")
                .requestMatchers("/partner/profile", "/partner/profile/**").hasRole("PARTNER_ADMIN")
                .requestMatchers(HttpMethod.GET, "/partners", "/partners/**").hasAnyRole("CHANNEL_MANAGER", "PROGRAM_ADMIN")
                .requestMatchers("/partners", "/partners/**").hasRole("CHANNEL_MANAGER")
                .requestMatchers("/admin/**").hasRole("PROGRAM_ADMIN")
                .anyRequest().authenticated())
            .formLogin(form -> form
                .loginPage("/login")
                .usernameParameter("email")
                .failureUrl("/login?error")
                .successHandler(loginSuccessHandler(localeResolver, throttle))
                .permitAll())
            .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }

    /**
     * At sign-in the throttle forgets this address's failures for the account, and the portal speaks the user's own
     * language; the language switch changes it afterwards.
     */
    private static AuthenticationSuccessHandler loginSuccessHandler(LocaleResolver localeResolver, LoginThrottle throttle) {
        SavedRequestAwareAuthenticationSuccessHandler delegate = new SavedRequestAwareAuthenticationSuccessHandler();
        delegate.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            LoginThrottleFilter.succeeded(throttle, request, request.getParameter("email"));
            if (authentication.getPrincipal() instanceof CurrentUser user) {
                localeResolver.setLocale(request, response, user.locale());
            }
            delegate.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * No observation (timer, trace) per security filter, per authentication and per authorization: each page paid
     * for about twenty of them. The request as a whole is still observed (http.server.requests). docs/web.md.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }
}
