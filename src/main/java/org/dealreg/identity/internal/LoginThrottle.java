package org.dealreg.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.dealreg.identity.internal.LoginThrottlePolicy.Go;
import org.dealreg.identity.internal.LoginThrottlePolicy.Verdict;
import org.dealreg.identity.internal.LoginThrottlePolicy.Wait;
import org.dealreg.shared.TokenBuckets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@link LoginThrottlePolicy} with its buckets in PostgreSQL (Bucket4j, one row per bucket locked with
 * {@code select … for update}), so every node of the portal counts the same attempts. Keys are built from
 * {@link LoginKeys}; the addresses an account signed in from are kept in {@code sign_in_known_address}.
 */
@Component
class LoginThrottle {


    private final PostgreSQLSelectForUpdateBasedProxyManager<String> store;
    private final LoginThrottlePolicy policy;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    LoginThrottle(DataSource dataSource, JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.store = TokenBuckets.inTable(dataSource, "sign_in_bucket", clock);
        this.policy = new LoginThrottlePolicy((key, configuration) -> store.getProxy(key, () -> configuration));
    }

    /** A sign-in attempt for the e-mail as typed, from the client's address. */
    Verdict signIn(String typedEmail, String remoteAddress) {
        String account = LoginKeys.account(typedEmail);
        String address = LoginKeys.address(remoteAddress);
        return policy.signIn(account, address, known(account, address));
    }

    /** The password was right: gives the tokens back and remembers the address as one the owner uses. */
    void succeeded(Go go, String typedEmail, String remoteAddress) {
        policy.succeeded(go);
        remember(LoginKeys.account(typedEmail), LoginKeys.address(remoteAddress));
    }

    /** The owner set a new password through a link mailed to them: their address is known and starts afresh. */
    void passwordReset(String email, String remoteAddress) {
        String account = LoginKeys.account(email);
        String address = LoginKeys.address(remoteAddress);
        policy.passwordReset(account, address);
        remember(account, address);
    }

    /** A "forgot your password?" request; null when it may go on. */
    Wait resetRequest(String typedEmail, String remoteAddress) {
        return policy.resetRequest(LoginKeys.account(typedEmail), LoginKeys.address(remoteAddress));
    }

    private boolean known(String account, String address) {
        return !jdbc.queryForList("select 1 from sign_in_known_address where account_key = ? and address = ? "
                + "and last_success_at > ?", Integer.class, account, address,
                Timestamp.from(clock.instant().minus(LoginThrottlePolicy.KNOWN_ADDRESS_FOR))).isEmpty();
    }

    private void remember(String account, String address) {
        jdbc.update("""
                insert into sign_in_known_address (account_key, address, last_success_at) values (?, ?, ?)
                on conflict (account_key, address) do update set last_success_at = excluded.last_success_at""",
                account, address, Timestamp.from(clock.instant()));
    }

    /**
     * Deletes the buckets that are full again, the addresses not used for 90 days and the reset links dead for 30; on
     * one node at a time.
     */
    @Scheduled(fixedDelayString = "${dealreg.jobs.sign-in-clean-up-every:PT15M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "sign-in-clean-up", lockAtMostFor = "PT10M")
    void cleanUp() {
        TokenBuckets.removeExpired(store);
        Instant now = clock.instant();
        jdbc.update("delete from sign_in_known_address where last_success_at < ?",
                Timestamp.from(now.minus(LoginThrottlePolicy.KNOWN_ADDRESS_FOR)));
        jdbc.update("delete from password_reset where expires_at < ?", Timestamp.from(now.minus(Duration.ofDays(30))));
    }
}
