package org.dealreg.conflicts.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.dealreg.accounts.AccountMatch;
import org.dealreg.accounts.DirectAccounts;
import org.dealreg.conflicts.AlreadyRegistered;
import org.dealreg.conflicts.CheckOutcome;
import org.dealreg.conflicts.ConflictCheck;
import org.dealreg.conflicts.ConflictVerdictPolicy;
import org.dealreg.conflicts.CustomerFingerprint;
import org.dealreg.conflicts.CustomerFingerprints;
import org.dealreg.conflicts.CustomerToCheck;
import org.dealreg.conflicts.Verdict;
import org.dealreg.shared.CustomerNormaliser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First to register wins: every check takes transaction-scoped advisory locks on the customer's blind
 * indexes (in a fixed order, so two checks never deadlock), so concurrent submissions of one customer
 * run one after the other and each sees the claims committed before it.
 *
 * <p>Under the lock the check does only what decides the verdict, in three round trips: the locks, the time and
 * the active claims on the customer; the decisive account matches; and one statement that writes the claim, the
 * report and its matches. Similar names of accounts nobody is in contact with cannot change the
 * verdict; they are added to the report right after the submission commits, in a transaction of their own,
 * and {@code conflict_report.similar_names_listed_at} says when (null: not listed, because that step failed).
 */
@Service
class JdbcConflictCheck implements ConflictCheck {

    private static final Logger log = LoggerFactory.getLogger(JdbcConflictCheck.class);

    /** The matches of one report as parallel arrays, unnested by the statement that inserts them. */
    private static final String MATCH_ROWS = """
            select r.registration_id, m.kind, m.score, m.account_id, m.owner_id, m.engaged, m.other_registration_id,
                   m.other_partner_id
              from report r
             cross join unnest(?::text[], ?::numeric[], ?::uuid[], ?::uuid[], ?::boolean[], ?::uuid[], ?::uuid[])
                   as m(kind, score, account_id, owner_id, engaged, other_registration_id, other_partner_id)
            """;
    private static final String INSERT_MATCHES = "insert into conflict_match (registration_id, kind, score, account_id, "
            + "account_owner_id, account_engaged, other_registration_id, other_partner_id) ";

    private static final String CLAIM_AND_REPORT = """
            with claim as (
                insert into customer_claim (registration_id, partner_id, domain_index, name_index, claimed_at)
                values (?, ?, ?, ?, ?)),
            report as (
                insert into conflict_report (registration_id, verdict, checked_at) values (?, ?, ?)
                returning registration_id)
            """ + INSERT_MATCHES + MATCH_ROWS;

    private static final String ADD_TO_REPORT = """
            with report as (
                update conflict_report set similar_names_listed_at = clock_timestamp() where registration_id = ?
                returning registration_id)
            """ + INSERT_MATCHES + MATCH_ROWS;

    private final JdbcTemplate jdbc;
    private final CustomerFingerprints fingerprints;
    private final DirectAccounts accounts;
    private final TransactionTemplate afterwards;
    private final Executor background;

    JdbcConflictCheck(JdbcTemplate jdbc, CustomerFingerprints fingerprints, DirectAccounts accounts,
            PlatformTransactionManager transactions, @Qualifier("applicationTaskExecutor") Executor background) {
        this.jdbc = jdbc;
        this.fingerprints = fingerprints;
        this.accounts = accounts;
        this.background = background;
        this.afterwards = new TransactionTemplate(transactions);
        this.afterwards.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public CheckOutcome claimAndCheck(UUID registrationId, UUID partnerId, CustomerToCheck customer) {
        CustomerFingerprint fingerprint = fingerprint(customer);
        List<Claim> claims = new ArrayList<>();
        Instant submittedAt = lockAndReadClaims(fingerprint, claims);
        ownClaim(claims, partnerId).ifPresent(existing -> {
            throw new AlreadyRegistered(existing);
        });
        List<Claim> earlier = othersClaims(claims, partnerId);
        List<AccountMatch> accountMatches = decisiveMatches(customer, submittedAt);
        Verdict verdict = ConflictVerdictPolicy.decide(accountMatches, !earlier.isEmpty());

        Timestamp at = Timestamp.from(submittedAt);
        insertMatches(CLAIM_AND_REPORT, accountMatches, earlier, registrationId, partnerId, fingerprint.domainIndex(),
                fingerprint.nameIndex(), at, registrationId, verdict.name(), at);
        listOtherSimilarNamesAfterCommit(registrationId, customer, accountMatches);
        return new CheckOutcome(verdict, fingerprint, submittedAt);
    }

    @Override
    @Transactional
    public void release(UUID registrationId, Instant at) {
        jdbc.update("update customer_claim set released_at = ? where registration_id = ? and released_at is null",
                Timestamp.from(at), registrationId);
    }

    @Override
    @Transactional(readOnly = true)
    public Verdict preview(UUID partnerId, CustomerToCheck customer, Instant at) {
        List<Claim> claims = activeClaims(fingerprint(customer));
        ownClaim(claims, partnerId).ifPresent(existing -> {
            throw new AlreadyRegistered(existing);
        });
        return ConflictVerdictPolicy.decide(decisiveMatches(customer, at), !othersClaims(claims, partnerId).isEmpty());
    }

    private CustomerFingerprint fingerprint(CustomerToCheck customer) {
        return fingerprints.of(customer.name(), customer.website(), customer.contactEmail(), customer.country());
    }

    private List<AccountMatch> decisiveMatches(CustomerToCheck customer, Instant at) {
        String domain = CustomerNormaliser.domainOf(customer.website(), customer.contactEmail());
        return accounts.decisiveMatches(CustomerNormaliser.name(customer.name()), customer.country(), domain, at);
    }

    /**
     * The rest of the report once the submission is committed (never for one rolled back), on another thread:
     * the submission's connection is still held during {@code afterCommit}, and a second one taken there could
     * exhaust the pool under load. A failure is logged and leaves {@code similar_names_listed_at} null; the
     * submission and its verdict stand.
     */
    private void listOtherSimilarNamesAfterCommit(UUID registrationId, CustomerToCheck customer,
            List<AccountMatch> listed) {
        List<UUID> listedIds = listed.stream().map(AccountMatch::accountId).toList();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                background.execute(() -> {
                    try {
                        afterwards.executeWithoutResult(status -> {
                            List<AccountMatch> others = accounts.otherSimilarNames(
                                    CustomerNormaliser.name(customer.name()), customer.country(), listedIds);
                            insertMatches(ADD_TO_REPORT, others, List.of(), registrationId);
                        });
                    } catch (RuntimeException e) {
                        log.warn("Registration {}: the similar names of accounts not in contact were not listed in "
                                + "its conflict report", registrationId, e);
                    }
                });
            }
        });
    }

    /** The claims a check reads after its lock must include those committed while it waited. */
    private static void requireReadCommitted() {
        Integer isolation = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
        if (isolation != null && isolation != Connection.TRANSACTION_READ_COMMITTED) {
            throw new IllegalStateException("The conflict check needs READ COMMITTED, the transaction asks for level "
                    + isolation);
        }
    }

    /**
     * Both locks in a fixed order, the database time once they are held, and every active claim on the customer read
     * after that (added to {@code claims}, earliest first), in one round trip.
     */
    private Instant lockAndReadClaims(CustomerFingerprint fingerprint, List<Claim> claims) {
        requireReadCommitted();
        TreeSet<String> keys = new TreeSet<>();
        keys.add("name:" + fingerprint.nameIndex());
        if (fingerprint.domainIndex() != null) {
            keys.add("domain:" + fingerprint.domainIndex());
        }
        return jdbc.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement("select * from conflict_lock_and_claims(?, ?, ?)")) {
                ps.setArray(1, con.createArrayOf("text", keys.toArray()));
                ps.setString(2, fingerprint.nameIndex());
                ps.setString(3, fingerprint.domainIndex());
                Instant lockedAt = null;
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lockedAt = rs.getObject("locked_at", OffsetDateTime.class).toInstant();
                        if (rs.getObject("registration_id") != null) {
                            claims.add(claim(rs));
                        }
                    }
                }
                return lockedAt;
            }
        });
    }

    /** Every active claim on the customer (by name or domain), earliest first: one partner's or another's. */
    private List<Claim> activeClaims(CustomerFingerprint f) {
        return jdbc.query("select registration_id, partner_id, domain_index = ? as same_domain from customer_claim "
                + "where released_at is null and (name_index = ? or domain_index = ?) order by claimed_at",
                (rs, n) -> claim(rs), f.domainIndex(), f.nameIndex(), f.domainIndex());
    }

    /** A claim as both reads of the claims answer it: the registration, its partner, and whether the domain matched. */
    private static Claim claim(ResultSet rs) throws SQLException {
        return new Claim(rs.getObject("registration_id", UUID.class), rs.getObject("partner_id", UUID.class),
                rs.getBoolean("same_domain") ? "PARTNER_DOMAIN" : "PARTNER_NAME");
    }

    private static Optional<UUID> ownClaim(List<Claim> claims, UUID partnerId) {
        return claims.stream().filter(c -> c.partnerId().equals(partnerId)).map(Claim::registrationId).findFirst();
    }

    private static List<Claim> othersClaims(List<Claim> claims, UUID partnerId) {
        return claims.stream().filter(c -> !c.partnerId().equals(partnerId)).toList();
    }

    /** Runs {@code sql}: its own parameters first, then the matches as the arrays {@link #MATCH_ROWS} unnests. */
    private void insertMatches(String sql, List<AccountMatch> accountMatches, List<Claim> claims, Object... head) {
        int n = accountMatches.size() + claims.size();
        List<Object[]> columns = List.of(new String[n], new BigDecimal[n], new UUID[n], new UUID[n], new Boolean[n],
                new UUID[n], new UUID[n]);
        int i = 0;
        for (AccountMatch m : accountMatches) {
            set(columns, i++, "ACCOUNT_" + m.kind().name(), m.score(), m.accountId(), m.ownerId(), m.engaged(), null, null);
        }
        for (Claim c : claims) {
            set(columns, i++, c.kind(), BigDecimal.ONE, null, null, null, c.registrationId(), c.partnerId());
        }
        String[] types = {"text", "numeric", "uuid", "uuid", "boolean", "uuid", "uuid"};
        jdbc.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                int p = 1;
                for (Object value : head) {
                    ps.setObject(p++, value);
                }
                List<Array> arrays = new ArrayList<>();
                for (int c = 0; c < columns.size(); c++) {
                    Array array = con.createArrayOf(types[c], columns.get(c));
                    arrays.add(array);
                    ps.setArray(p++, array);
                }
                ps.executeUpdate();
                for (Array array : arrays) {
                    array.free();
                }
                return null;
            }
        });
    }

    private static void set(List<Object[]> columns, int row, Object... values) {
        for (int c = 0; c < values.length; c++) {
            columns.get(c)[row] = values[c];
        }
    }

    private record Claim(UUID registrationId, UUID partnerId, String kind) {
    }
}
