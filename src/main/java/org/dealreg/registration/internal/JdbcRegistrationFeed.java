package org.dealreg.registration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.dealreg.conflicts.Verdict;
import org.dealreg.registration.ChangeMark;
import org.dealreg.registration.RegistrationFeed;
import org.dealreg.registration.RegistrationStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link RegistrationFeed}: one indexed query of plain columns, nothing decrypted. */
@Service
class JdbcRegistrationFeed implements RegistrationFeed {

    private final JdbcTemplate jdbc;

    JdbcRegistrationFeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Page changes(Instant since, ChangeMark after, int limit) {
        List<Entry> entries = ByChange.read(jdbc, """
                select id, receipt_number, partner_id, status, verdict, amount_usd, submitted_at, decision_due_at,
                       decided_at, protection_ends_at, ended_at, closed_on, won_amount_usd, changed_at
                from registration where true""", List.of(), since, after, limit, (rs, n) -> entry(rs));
        return new Page(ByChange.page(entries, limit),
                ByChange.next(entries, limit, last -> new ChangeMark(last.changedAt(), last.id())));
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getObject("id", UUID.class), rs.getString("receipt_number"),
                rs.getObject("partner_id", UUID.class), RegistrationStatus.valueOf(rs.getString("status")),
                Verdict.valueOf(rs.getString("verdict")), rs.getBigDecimal("amount_usd"), instant(rs, "submitted_at"),
                instant(rs, "decision_due_at"), instant(rs, "decided_at"), instant(rs, "protection_ends_at"),
                instant(rs, "ended_at"), rs.getObject("closed_on", java.time.LocalDate.class),
                rs.getBigDecimal("won_amount_usd"), instant(rs, "changed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
