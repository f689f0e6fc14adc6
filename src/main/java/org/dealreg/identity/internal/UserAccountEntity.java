package org.dealreg.identity.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.identity.UserAccounts;

@Entity
@Table(name = "app_user")
class UserAccountEntity {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "partner_id")
    private UUID partnerId;

    @Column(nullable = false)
    private String locale;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** False while an invited user has not set a password through their link. */
    @Column(name = "password_set", nullable = false)
    private boolean passwordSet = true;

    protected UserAccountEntity() {
    }

    UserAccountEntity(String email, String passwordHash, String displayName, Role role, UUID partnerId, Locale locale,
            ZoneId zone, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.email = email.trim().toLowerCase(Locale.ROOT);
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.partnerId = partnerId;
        this.locale = locale.toLanguageTag();
        this.timeZone = zone.getId();
        this.enabled = true;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    boolean enabled() {
        return enabled;
    }

    UserAccounts.UserSummary summary() {
        return new UserAccounts.UserSummary(id, email, displayName, role, partnerId, Locale.forLanguageTag(locale),
                ZoneId.of(timeZone));
    }

    /** Enabled only when the user may sign in now (see JpaUserAccounts#maySignIn). */
    CurrentUser toCurrentUser(boolean maySignIn) {
        return new CurrentUser(id, email, displayName, role, partnerId, ZoneId.of(timeZone), Locale.forLanguageTag(locale),
                maySignIn, passwordHash);
    }

    /** A user who is to set their password through an invitation: the hash given is of a secret nobody keeps. */
    static UserAccountEntity invited(String email, String unusableHash, String displayName, Role role, UUID partnerId,
            Locale locale, ZoneId zone, Instant createdAt) {
        UserAccountEntity user = new UserAccountEntity(email, unusableHash, displayName, role, partnerId, locale, zone,
                createdAt);
        user.passwordSet = false;
        return user;
    }

    void setPassword(String hash) {
        this.passwordHash = hash;
        this.passwordSet = true;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    UUID partnerId() {
        return partnerId;
    }

    /** Invited, and the password not set through the link yet. */
    boolean waitsForPassword() {
        return !passwordSet;
    }
}
