package org.dealreg.integrations.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;

import org.dealreg.shared.RulesBroken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} of a POST that creates something (docs/api.md), per client: the first request with a
 * key claims it (a committed row) before it acts, and records what it created; the same key and body later answer
 * that again without acting; another body with the key is refused (422); a key whose first request is still running
 * is refused (409, try again). A first request that fails frees its key, so a corrected request may use it. Keys are
 * kept {@link #KEPT}.
 */
@Component
class Idempotency {

    /** The header, named as the field of its problems. */
    static final String KEY = "Idempotency-Key";

    static final Duration KEPT = Duration.ofHours(24);
    /** A claim older than this with nothing recorded was left by a node that stopped: the key is free again. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Idempotency(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Runs {@code create} once per key and body; answers the id it created, now or at the first request. */
    UUID once(String key, String operation, Object body, Supplier<UUID> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > 200) {
            throw RulesBroken.on(KEY, "api.idempotency.key");
        }
        String client = SecurityContextHolder.getContext().getAuthentication().getName();
        byte[] hash = hash(operation, body);
        Instant now = clock.instant();
        int claimed = jdbc.update("""
                insert into api_idempotency (client_id, key, operation, request_hash, created_at) values (?, ?, ?, ?, ?)
                on conflict (client_id, key) do update set operation = excluded.operation,
                    request_hash = excluded.request_hash, created_at = excluded.created_at
                where api_idempotency.result_id is null and api_idempotency.created_at < ?
                   or api_idempotency.created_at < ?""",
                client, key, operation, hash, Timestamp.from(now), Timestamp.from(now.minus(ABANDONED_AFTER)),
                Timestamp.from(now.minus(KEPT)));
        if (claimed == 0) {
            return replay(client, key, operation, hash);
        }
        UUID created;
        try {
            created = create.get();
        } catch (RuntimeException | Error failed) {
            jdbc.update("delete from api_idempotency where client_id = ? and key = ? and result_id is null", client, key);
            throw failed;
        }
        jdbc.update("update api_idempotency set result_id = ? where client_id = ? and key = ?", created, client, key);
        return created;
    }

    private UUID replay(String client, String key, String operation, byte[] hash) {
        return jdbc.query("select operation, request_hash, result_id from api_idempotency where client_id = ? and key = ?",
                rs -> {
                    if (!rs.next()) {
                        throw RulesBroken.refused("api.idempotency.inProgress");
                    }
                    if (!operation.equals(rs.getString(1)) || !Arrays.equals(hash, rs.getBytes(2))) {
                        // the key is answered already, for another request: a problem of what was sent (422), on the header
                        throw RulesBroken.on(KEY, "api.idempotency.otherBody");
                    }
                    UUID result = rs.getObject(3, UUID.class);
                    if (result == null) {
                        throw RulesBroken.refused("api.idempotency.inProgress");
                    }
                    return result;
                }, client, key);
    }

    private byte[] hash(String operation, Object body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json.writeValueAsBytes(body));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(cron = "${dealreg.jobs.expired-tokens-cron:0 */15 * * * *}")
    @SchedulerLock(name = "expired-idempotency-keys", lockAtMostFor = "PT10M")
    void forgetOldKeys() {
        jdbc.update("delete from api_idempotency where created_at < ?", Timestamp.from(clock.instant().minus(KEPT)));
    }
}
