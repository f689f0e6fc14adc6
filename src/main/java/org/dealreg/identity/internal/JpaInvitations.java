package org.dealreg.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.dealreg.identity.EmailTaken;
import org.dealreg.identity.InvitationIssued;
import org.dealreg.identity.Invitations;
import org.dealreg.identity.PasswordSet;
import org.dealreg.identity.UserAccounts;
import org.dealreg.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations and the password set through them. A link is single use and expires {@link Invitations#LIFETIME}
 * after it was issued; using it is one conditional update, so two tabs posting at once set the password once.
 */
@Service
class JpaInvitations implements Invitations {

    private final UserAccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JpaInvitations(UserAccountRepository repository, PasswordEncoder passwordEncoder, JdbcTemplate jdbc,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID invite(Invitee invitee, UUID invitedBy) {
        if (invitee.role().isPartner() != (invitee.partnerId() != null)) {
            throw new IllegalArgumentException("Partner roles belong to a company; staff roles never do");
        }
        if (repository.findByEmail(invitee.email()).isPresent()) {
            throw new EmailTaken();
        }
        Instant now = clock.instant();
        // the hash of a random secret that is thrown away: no password matches it until the invitee sets one
        UserAccountEntity user = UserAccountEntity.invited(invitee.email(), passwordEncoder.encode(InvitationTokens.newToken()),
                invitee.displayName(), invitee.role(), invitee.partnerId(), invitee.locale(), invitee.zone(), now);
        try {
            repository.saveAndFlush(user);
        } catch (DataIntegrityViolationException sameEmailAtOnce) {
            throw new EmailTaken();
        }
        issue(user, invitedBy, now);
        return user.id();
    }

    @Override
    @Transactional
    public void reissue(UUID partnerId, UUID userId, UUID reissuedBy) {
        UserAccountEntity user = repository.findById(userId)
                .filter(u -> java.util.Objects.equals(partnerId, u.partnerId()) && u.enabled() && u.waitsForPassword())
                .orElseThrow(() -> new NotFound("User"));
        Instant now = clock.instant();
        jdbc.update("update user_invitation set expires_at = ? where user_id = ? and used_at is null and expires_at > ?",
                Timestamp.from(now), userId, Timestamp.from(now));
        issue(user, reissuedBy, now);
    }

    private void issue(UserAccountEntity user, UUID by, Instant now) {
        String token = InvitationTokens.newToken();
        Instant expiresAt = now.plus(LIFETIME);
        jdbc.update("insert into user_invitation (token_hash, user_id, invited_by, created_at, expires_at) values (?, ?, ?, ?, ?)",
                InvitationTokens.hash(token), user.id(), by, Timestamp.from(now), Timestamp.from(expiresAt));
        UserAccounts.UserSummary who = user.summary();
        events.publishEvent(new InvitationIssued(user.id(), who.partnerId(), who.email(), who.locale(), who.zone(), token,
                expiresAt, by));
    }

    /** What a link is worth now. */
    public enum LinkState {
        USABLE, USED, EXPIRED, UNKNOWN
    }

    public record Link(LinkState state, String email, String displayName) {
    }

    @Transactional(readOnly = true)
    Link look(String token) {
        List<Link> found = jdbc.query("""
                select i.used_at, i.expires_at, u.enabled, u.email, u.display_name
                from user_invitation i join app_user u on u.id = i.user_id where i.token_hash = ?""",
                (rs, n) -> new Link(rs.getTimestamp("used_at") != null || !rs.getBoolean("enabled") ? LinkState.USED
                        : !rs.getTimestamp("expires_at").toInstant().isAfter(clock.instant()) ? LinkState.EXPIRED
                        : LinkState.USABLE, rs.getString("email"), rs.getString("display_name")),
                InvitationTokens.hash(token));
        return found.isEmpty() ? new Link(LinkState.UNKNOWN, null, null) : found.get(0);
    }

    /**
     * Uses the link and sets the password, or changes nothing and answers why not. The password must already have
     * passed {@link PasswordRules}.
     */
    @Transactional
    LinkState setPassword(String token, String rawPassword) {
        Instant now = clock.instant();
        List<UUID> used = jdbc.queryForList("""
                update user_invitation i set used_at = ?
                where i.token_hash = ? and i.used_at is null and i.expires_at > ?
                  and exists (select 1 from app_user u where u.id = i.user_id and u.enabled)
                returning i.user_id""", UUID.class, Timestamp.from(now), InvitationTokens.hash(token), Timestamp.from(now));
        if (used.isEmpty()) {
            LinkState state = look(token).state();
            return state == LinkState.USABLE ? LinkState.USED : state;
        }
        UserAccountEntity user = repository.findById(used.get(0)).orElseThrow();
        user.setPassword(passwordEncoder.encode(rawPassword));
        events.publishEvent(new PasswordSet(user.id(), user.partnerId(), now));
        return LinkState.USABLE;
    }
}
