package org.dealreg.conflicts.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dealreg.conflicts.ConflictReport;
import org.dealreg.conflicts.ConflictReports;
import org.dealreg.conflicts.Verdict;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcConflictReports implements ConflictReports {

    private final JdbcTemplate jdbc;

    JdbcConflictReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Strong matches first, then by score; partners' earlier claims after the accounts. */
    @Override
    @Transactional(readOnly = true)
    public Optional<ConflictReport> find(UUID registrationId) {
        List<ConflictReport.Match> matches = jdbc.query("""
                select kind, score, account_id, account_owner_id, account_engaged, other_registration_id, other_partner_id
                  from conflict_match where registration_id = ?
                 order by account_id is null, kind = 'ACCOUNT_SIMILAR_NAME', score desc, id""",
                (rs, n) -> new ConflictReport.Match(rs.getString("kind"), rs.getBigDecimal("score"),
                        rs.getObject("account_id", UUID.class), rs.getObject("account_owner_id", UUID.class),
                        (Boolean) rs.getObject("account_engaged"), rs.getObject("other_registration_id", UUID.class),
                        rs.getObject("other_partner_id", UUID.class)), registrationId);
        return jdbc.query("select verdict, checked_at, similar_names_listed_at from conflict_report where registration_id = ?",
                (rs, n) -> new ConflictReport(Verdict.valueOf(rs.getString("verdict")),
                        rs.getTimestamp("checked_at").toInstant(), instant(rs.getTimestamp("similar_names_listed_at")),
                        matches), registrationId).stream().findFirst();
    }

    /** The report's own order ({@link #find}): the first account match of each registration. */
    @Override
    @Transactional(readOnly = true)
    public Map<UUID, UUID> matchedAccounts(Collection<UUID> registrationIds) {
        if (registrationIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, UUID> matched = new HashMap<>();
        jdbc.query("""
                select distinct on (registration_id) registration_id, account_id
                  from conflict_match where registration_id = any(?) and account_id is not null
                 order by registration_id, kind = 'ACCOUNT_SIMILAR_NAME', score desc, id""",
                rs -> { matched.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)); },
                (Object) registrationIds.toArray(UUID[]::new));
        return matched;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
