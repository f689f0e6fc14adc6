package org.dealreg.conflicts.internal;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * First to register wins: every check takes transaction-scoped advisory locks on the customer's blind
 * indexes (in a fixed order, so two checks never deadlock), so concurrent submissions of one customer
 * run one after the other and each sees the claims committed before it.
 */
@Service
class JdbcConflictCheck implements ConflictCheck {

    private final JdbcTemplate jdbc;
    private final CustomerFingerprints fingerprints;
    private final DirectAccounts accounts;

    JdbcConflictCheck(JdbcTemplate jdbc, CustomerFingerprints fingerprints, DirectAccounts accounts) {
        this.jdbc = jdbc;
        this.fingerprints = fingerprints;
        this.accounts = accounts;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public CheckOutcome claimAndCheck(UUID registrationId, UUID partnerId, CustomerToCheck customer) {
        CustomerFingerprint fingerprint = fingerprint(customer);
        lock(fingerprint);
        Instant submittedAt = jdbc.queryForObject("select clock_timestamp()", java.time.OffsetDateTime.class).toInstant();
        ownActiveClaim(partnerId, fingerprint).ifPresent(existing -> {
            throw new AlreadyRegistered(existing);
        });
        List<PartnerClaim> earlier = otherPartnersClaims(partnerId, fingerprint);
        List<AccountMatch> accountMatches = matchAccounts(customer, submittedAt);
        Verdict verdict = ConflictVerdictPolicy.decide(accountMatches, !earlier.isEmpty());

        jdbc.update("insert into customer_claim (registration_id, partner_id, domain_index, name_index, claimed_at) "
                + "values (?, ?, ?, ?, ?)", registrationId, partnerId, fingerprint.domainIndex(), fingerprint.nameIndex(),
                Timestamp.from(submittedAt));
        jdbc.update("insert into conflict_report (registration_id, verdict, checked_at) values (?, ?, ?)",
                registrationId, verdict.name(), Timestamp.from(submittedAt));
        for (AccountMatch m : accountMatches) {
            jdbc.update("insert into conflict_match (registration_id, kind, score, account_id, account_owner_id, "
                    + "account_engaged) values (?, ?, ?, ?, ?, ?)", registrationId, "ACCOUNT_" + m.kind().name(),
                    m.score(), m.accountId(), m.ownerId(), m.engaged());
        }
        for (PartnerClaim c : earlier) {
            jdbc.update("insert into conflict_match (registration_id, kind, score, other_registration_id, "
                    + "other_partner_id) values (?, ?, 1.0, ?, ?)", registrationId, c.kind(), c.registrationId(),
                    c.partnerId());
        }
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
        CustomerFingerprint fingerprint = fingerprint(customer);
        ownActiveClaim(partnerId, fingerprint).ifPresent(existing -> {
            throw new AlreadyRegistered(existing);
        });
        boolean earlier = !otherPartnersClaims(partnerId, fingerprint).isEmpty();
        return ConflictVerdictPolicy.decide(matchAccounts(customer, at), earlier);
    }

    private CustomerFingerprint fingerprint(CustomerToCheck customer) {
        return fingerprints.of(customer.name(), customer.website(), customer.contactEmail(), customer.country());
    }

    private List<AccountMatch> matchAccounts(CustomerToCheck customer, Instant at) {
        String domain = CustomerNormaliser.domainOf(customer.website(), customer.contactEmail());
        return accounts.match(CustomerNormaliser.name(customer.name()), customer.country(), domain, at);
    }

    /** The claims a check reads after its lock must include those committed while it waited. */
    private static void requireReadCommitted() {
        Integer isolation = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
        if (isolation != null && isolation != Connection.TRANSACTION_READ_COMMITTED) {
            throw new IllegalStateException("The conflict check needs READ COMMITTED, the transaction asks for level "
                    + isolation);
        }
    }

    private void lock(CustomerFingerprint fingerprint) {
        requireReadCommitted();
        TreeSet<String> keys = new TreeSet<>();
        keys.add("name:" + fingerprint.nameIndex());
        if (fingerprint.domainIndex() != null) {
            keys.add("domain:" + fingerprint.domainIndex());
        }
        for (String key : keys) {
            jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))", key);
        }
    }

    private Optional<UUID> ownActiveClaim(UUID partnerId, CustomerFingerprint f) {
        return jdbc.queryForList("select registration_id from customer_claim where partner_id = ? and released_at is null "
                + "and (name_index = ? or domain_index = ?) order by claimed_at limit 1", UUID.class, partnerId,
                f.nameIndex(), f.domainIndex()).stream().findFirst();
    }

    private List<PartnerClaim> otherPartnersClaims(UUID partnerId, CustomerFingerprint f) {
        return jdbc.query("select registration_id, partner_id, case when domain_index = ? then 'PARTNER_DOMAIN' "
                + "else 'PARTNER_NAME' end as kind from customer_claim where partner_id <> ? and released_at is null "
                + "and (name_index = ? or domain_index = ?) order by claimed_at", (rs, n) -> new PartnerClaim(
                rs.getObject("registration_id", UUID.class), rs.getObject("partner_id", UUID.class),
                rs.getString("kind")), f.domainIndex(), partnerId, f.nameIndex(), f.domainIndex());
    }

    private record PartnerClaim(UUID registrationId, UUID partnerId, String kind) {
    }
}
