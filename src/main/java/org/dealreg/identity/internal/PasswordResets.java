package org.dealreg.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dealreg.identity.PasswordResetCompleted;
import org.dealreg.identity.PasswordResetRequested;
import org.dealreg.identity.UserAccounts;
import org.dealreg.identity.internal.JpaInvitations.Link;
import org.dealreg.identity.internal.JpaInvitations.LinkState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot your password?": a link mailed to the account's address, with the same token rules as invitations (32
 * random bytes, only the SHA-256 kept, single use through one conditional update), working for {@link #LIFETIME}. A
 * new request ends the earlier links. Only a user who may sign in now gets one (enabled, with a password of their own,
 * of an ACTIVE company); anybody else gets nothing, and the page says the same either way. Setting the new password
 * ends every session of the user.
 */
@Service
class PasswordResets {

    static final Duration LIFETIME = Duration.ofHours(1);

    private final UserAccountRepository repository;
    private final JpaUserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PasswordResets(UserAccountRepository repository, JpaUserAccounts accounts, PasswordEncoder passwordEncoder,
            JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Issues a link if the e-mail is that of a user who may sign in; else does nothing at all. */
    @Transactional
    public void request(String typedEmail) {
        if (typedEmail == null || typedEmail.isBlank() || LoginKeys.hasControlCharacters(typedEmail)) {
            return;
        }
        Optional<UserAccountEntity> found = repository.findByEmail(typedEmail.strip());
        if (found.isEmpty() || !accounts.maySignIn(found.get().id())) {
            return;
        }
        UserAccountEntity user = found.get();
        Instant now = clock.instant();
        jdbc.update("update password_reset set expires_at = ? where user_id = ? and used_at is null and expires_at > ?",
                Timestamp.from(now), user.id(), Timestamp.from(now));
        String token = InvitationTokens.newToken();
        Instant expiresAt = now.plus(LIFETIME);
        jdbc.update("insert into password_reset (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)",
                InvitationTokens.hash(token), user.id(), Timestamp.from(now), Timestamp.from(expiresAt));
        UserAccounts.UserSummary who = user.summary();
        events.publishEvent(new PasswordResetRequested(user.id(), who.partnerId(), who.email(), who.locale(), who.zone(),
                token, expiresAt));
    }

    /** What a link is worth now; a link of a user who may no longer sign in counts as used. */
    @Transactional(readOnly = true)
    public Link look(String token) {
        List<Link> found = jdbc.query("""
                select r.user_id, r.used_at, r.expires_at, u.email, u.display_name
                from password_reset r join app_user u on u.id = r.user_id where r.token_hash = ?""",
                (rs, n) -> new Link(rs.getTimestamp("used_at") != null
                        || !accounts.maySignIn(rs.getObject("user_id", UUID.class)) ? LinkState.USED
                        : !rs.getTimestamp("expires_at").toInstant().isAfter(clock.instant()) ? LinkState.EXPIRED
                        : LinkState.USABLE, rs.getString("email"), rs.getString("display_name")),
                InvitationTokens.hash(token));
        return found.isEmpty() ? new Link(LinkState.UNKNOWN, null, null) : found.get(0);
    }

    /**
     * Uses the link, sets the password and ends every session of the user; or changes nothing and answers why not.
     * The password must already have passed {@link PasswordRules}.
     */
    @Transactional
    public Link reset(String token, String rawPassword) {
        Link before = look(token);
        if (before.state() != LinkState.USABLE) {
            return before;
        }
        Instant now = clock.instant();
        List<UUID> used = jdbc.queryForList("""
                update password_reset set used_at = ?
                where token_hash = ? and used_at is null and expires_at > ?
                returning user_id""", UUID.class, Timestamp.from(now), InvitationTokens.hash(token), Timestamp.from(now));
        if (used.isEmpty()) {
            LinkState state = look(token).state();
            return new Link(state == LinkState.USABLE ? LinkState.USED : state, null, null);
        }
        UserAccountEntity user = repository.findById(used.get(0)).orElseThrow();
        user.setPassword(passwordEncoder.encode(rawPassword));
        // the sessions of whoever knew the old password end with it (as a deactivation ends them)
        int sessionsEnded = jdbc.update("delete from spring_session where principal_name = ?", user.summary().email());
        events.publishEvent(new PasswordResetCompleted(user.id(), user.partnerId(), now, sessionsEnded));
        return before;
    }
}
