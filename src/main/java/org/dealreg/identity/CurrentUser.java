package org.dealreg.identity;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as every module sees it: who, which role, which company, which time zone and language. */
public final class CurrentUser implements UserDetails, CredentialsContainer {

    private final UUID id;
    private final String email;
    private final String displayName;
    private final Role role;
    private final UUID partnerId;
    private final String zoneId;
    private final Locale locale;
    private final boolean enabled;
    private String passwordHash;

    public CurrentUser(UUID id, String email, String displayName, Role role, UUID partnerId, ZoneId zone, Locale locale,
            boolean enabled, String passwordHash) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.partnerId = partnerId;
        this.zoneId = zone.getId();
        this.locale = locale;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    /** The partner company of a partner user; null for vendor staff. */
    public UUID partnerId() {
        return partnerId;
    }

    public ZoneId zone() {
        return ZoneId.of(zoneId);
    }

    public Locale locale() {
        return locale;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "CurrentUser[" + email + ", " + role + "]";
    }
}
