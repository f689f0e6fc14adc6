package org.dealreg.integrations.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.UserAccounts;
import org.dealreg.integrations.ApiClientChanged;
import org.dealreg.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The machine clients a partner admin (their company's) or the programme admin (the vendor's) keeps (docs/api.md):
 * created with a secret shown once, renamed, given a new secret (the old one still accepted for
 * {@link #ROTATION_GRACE}), revoked at once. A client id that is not the caller's to administer is a 404.
 */
@Service
class ApiClients {

    /** How long a replaced secret still gets tokens: time to deploy the new one without a gap. */
    static final Duration ROTATION_GRACE = Duration.ofHours(24);

    /** Last use is recorded at most this often per client, not on every call. */
    static final Duration LAST_USE_GRAIN = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final RegisteredClientRepository registered;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final UserAccounts users;

    ApiClients(JdbcTemplate jdbc, RegisteredClientRepository registered, PasswordEncoder passwords,
            ApplicationEventPublisher events, UserAccounts users) {
        this.jdbc = jdbc;
        this.registered = registered;
        this.passwords = passwords;
        this.events = events;
        this.users = users;
    }

    /** A client as its administrators see it. */
    public record ApiClientView(String clientId, String name, ApiClientKind kind, String ownerName, Instant createdAt,
            Instant secretRotatedAt, Instant previousSecretUntil, Instant lastUsedAt, Instant revokedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }

        /** Whether the secret a rotation replaced still gets tokens. */
        public boolean previousSecretAccepted() {
            return previousSecretUntil != null && previousSecretUntil.isAfter(Instant.now());
        }
    }

    /** A client id and the secret that goes with it, shown to its administrator once and kept nowhere in the clear. */
    public record Credentials(String clientId, String secret) {

        @Override
        public String toString() {
            return "Credentials[" + clientId + "]";
        }
    }

    /** The clients the user administers, newest first, revoked ones included (they say when they were revoked). */
    @Transactional(readOnly = true)
    List<ApiClientView> list(CurrentUser admin) {
        ApiClientKind kind = ApiClientKind.administeredBy(admin);
        List<Object[]> rows = jdbc.query("""
                select client_id, name, owner_id, created_at, secret_rotated_at, previous_secret_until, last_used_at,
                       revoked_at
                from api_client where kind = ? and partner_id is not distinct from ? order by created_at desc""",
                (rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                        instant(rs.getTimestamp(8))},
                kind.name(), admin.partnerId());
        Map<UUID, String> owners = users.displayNames(rows.stream().map(r -> (UUID) r[2]).distinct().toList());
        return rows.stream().map(r -> new ApiClientView((String) r[0], (String) r[1], kind,
                owners.getOrDefault((UUID) r[2], "?"), (Instant) r[3], (Instant) r[4], (Instant) r[5], (Instant) r[6],
                (Instant) r[7])).toList();
    }

    /** A new client acting for the admin's company (or the programme), under the admin's name. */
    @Transactional
    Credentials create(CurrentUser admin, String name) {
        ApiClientKind kind = ApiClientKind.administeredBy(admin);
        String clientId = "dr-" + HexFormat.of().formatHex(random(10));
        String secret = newSecret();
        Instant now = Instant.now();
        RegisteredClient.Builder client = RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId)
                .clientIdIssuedAt(now).clientSecret(passwords.encode(secret)).clientName(name.strip())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(ApiSecurityConfiguration.tokenSettings());
        kind.scopes().forEach(client::scope);
        registered.save(client.build());
        jdbc.update("insert into api_client (client_id, kind, partner_id, owner_id, name, created_at) values (?, ?, ?, ?, ?, ?)",
                clientId, kind.name(), admin.partnerId(), admin.id(), name.strip(), Timestamp.from(now));
        changed(clientId, kind, admin, "CREATED");
        return new Credentials(clientId, secret);
    }

    @Transactional
    void rename(CurrentUser admin, String clientId, String name) {
        ApiClientKind kind = administered(admin, clientId);
        jdbc.update("update api_client set name = ? where client_id = ?", name.strip(), clientId);
        jdbc.update("update oauth2_registered_client set client_name = ? where client_id = ?", name.strip(), clientId);
        changed(clientId, kind, admin, "RENAMED");
    }

    /** A new secret; the one it replaces still gets tokens for {@link #ROTATION_GRACE}, then never again. */
    @Transactional
    Credentials rotate(CurrentUser admin, String clientId) {
        ApiClientKind kind = administered(admin, clientId);
        RegisteredClient client = registered.findByClientId(clientId);
        String secret = newSecret();
        Instant now = Instant.now();
        jdbc.update("""
                update api_client set previous_secret = ?, previous_secret_until = ?, secret_rotated_at = ?
                where client_id = ?""", client.getClientSecret(), Timestamp.from(now.plus(ROTATION_GRACE)),
                Timestamp.from(now), clientId);
        registered.save(RegisteredClient.from(client).clientSecret(passwords.encode(secret)).build());
        changed(clientId, kind, admin, "ROTATED");
        return new Credentials(clientId, secret);
    }

    /** At once: the client and its tokens are deleted, so its next call is refused by every node. */
    @Transactional
    void revoke(CurrentUser admin, String clientId) {
        ApiClientKind kind = administered(admin, clientId);
        jdbc.update("""
                delete from oauth2_authorization where registered_client_id in
                    (select id from oauth2_registered_client where client_id = ?)""", clientId);
        jdbc.update("delete from oauth2_registered_client where client_id = ?", clientId);
        jdbc.update("update api_client set revoked_at = now(), previous_secret = null, previous_secret_until = null "
                + "where client_id = ?", clientId);
        changed(clientId, kind, admin, "REVOKED");
    }

    /** Who a client acts for: its kind, its company and the user whose name it uses; empty once revoked. */
    record Holder(String clientId, ApiClientKind kind, UUID partnerId, UUID ownerId, Instant lastUsedAt) {
    }

    @Transactional(readOnly = true)
    Optional<Holder> holder(String clientId) {
        return jdbc.query("""
                select kind, partner_id, owner_id, last_used_at from api_client
                where client_id = ? and revoked_at is null""", rs -> rs.next()
                ? Optional.of(new Holder(clientId, ApiClientKind.valueOf(rs.getString(1)), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), instant(rs.getTimestamp(4))))
                : Optional.empty(), clientId);
    }

    /** Records that the client called the API now, unless it did within {@link #LAST_USE_GRAIN}. */
    void used(Holder holder, Instant now) {
        if (holder.lastUsedAt() == null || holder.lastUsedAt().isBefore(now.minus(LAST_USE_GRAIN))) {
            jdbc.update("update api_client set last_used_at = ? where client_id = ?", Timestamp.from(now),
                    holder.clientId());
        }
    }

    /** Whether the secret is the one a rotation replaced, still within its grace period. */
    @Transactional(readOnly = true)
    boolean matchesPreviousSecret(String clientId, String secret) {
        String previous = jdbc.query("""
                select previous_secret from api_client
                where client_id = ? and revoked_at is null and previous_secret_until > now()""",
                rs -> rs.next() ? rs.getString(1) : null, clientId);
        return previous != null && secret != null && passwords.matches(secret, previous);
    }

    /** The client's kind if the admin administers it (their company's, or the vendor's); a 404 otherwise. */
    private ApiClientKind administered(CurrentUser admin, String clientId) {
        ApiClientKind kind = ApiClientKind.administeredBy(admin);
        Integer found = jdbc.queryForObject("""
                select count(*) from api_client
                where client_id = ? and kind = ? and partner_id is not distinct from ? and revoked_at is null""",
                Integer.class, clientId, kind.name(), admin.partnerId());
        if (found == null || found == 0) {
            throw new NotFound("Client");
        }
        return kind;
    }

    private void changed(String clientId, ApiClientKind kind, CurrentUser admin, String change) {
        events.publishEvent(new ApiClientChanged(clientId, kind.name(), admin.partnerId(), change));
    }

    private static String newSecret() {
        return "drs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
