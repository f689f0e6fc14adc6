package org.dealreg.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords per e-mail as typed, in PostgreSQL so that every node sees the same count.
 * One atomic statement per failure, so parallel attempts cannot overwrite each other's counts.
 */
@Component
class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final LoginThrottlePolicy policy = LoginThrottlePolicy.DEFAULT;

    LoginThrottle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Instant> lockedUntil(String typedEmail) {
        List<Timestamp> until = jdbc.queryForList(
                "select locked_until from login_throttle where identifier = ? and locked_until > ?", Timestamp.class,
                identifier(typedEmail), Timestamp.from(clock.instant()));
        return until.stream().findFirst().map(Timestamp::toInstant);
    }

    @EventListener
    void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        Instant now = clock.instant();
        jdbc.update("""
                insert into login_throttle (identifier, failures, locked_until) values (?, 1, null)
                on conflict (identifier) do update set
                  failures = case when login_throttle.failures + 1 >= ? then 0 else login_throttle.failures + 1 end,
                  locked_until = case when login_throttle.failures + 1 >= ? then ? else login_throttle.locked_until end
                """, identifier(event.getAuthentication().getName()), policy.maxFailures(), policy.maxFailures(),
                Timestamp.from(policy.lockedUntil(now)));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        jdbc.update("delete from login_throttle where identifier = ?", identifier(event.getAuthentication().getName()));
    }

    private static String identifier(String typedEmail) {
        String s = typedEmail == null ? "" : typedEmail.strip().toLowerCase(Locale.ROOT);
        return s.length() > 254 ? s.substring(0, 254) : s;
    }
}
