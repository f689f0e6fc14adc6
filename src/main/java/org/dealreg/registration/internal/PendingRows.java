package org.dealreg.registration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.dealreg.conflicts.Verdict;
import org.dealreg.registration.DecidedRegistration;
import org.dealreg.registration.PendingFilter;
import org.dealreg.registration.PendingRegistration;
import org.dealreg.registration.RegistrationStatus;
import org.dealreg.registration.RejectionReason;

/** Pending and decided registrations read from their plain columns only: listing them decrypts nothing. */
final class PendingRows {

    static final String COLUMNS =
            "id, receipt_number, partner_id, amount_usd, verdict, submitted_at, remind_at, decision_due_at, version";

    private PendingRows() {
    }

    /** The where clause of the pending registrations {@code filter} keeps; its values are added to {@code arguments}. */
    static String where(PendingFilter filter, List<Object> arguments) {
        return where("status = 'SUBMITTED'", filter, arguments);
    }

    /** The where clause of the decided registrations {@code filter} keeps, as {@link #where(PendingFilter, List)}. */
    static String whereDecided(PendingFilter filter, List<Object> arguments) {
        return where("decided_at is not null", filter, arguments);
    }

    private static String where(String rows, PendingFilter filter, List<Object> arguments) {
        StringBuilder where = new StringBuilder(rows);
        if (filter.verdict() != null) {
            where.append(" and verdict = ?");
            arguments.add(filter.verdict().name());
        }
        if (filter.partnerIds() != null) {
            where.append(" and partner_id = any(?::uuid[])");
            arguments.add(filter.partnerIds().stream().map(UUID::toString).toArray(String[]::new));
        }
        if (!filter.search().isEmpty()) {
            where.append(" and (lower(receipt_number) like ? escape '\\' or partner_id = any(?::uuid[]))");
            arguments.add(filter.search().containedLowerCase());
            arguments.add(filter.partnersNamed().stream().map(UUID::toString).toArray(String[]::new));
        }
        return where.toString();
    }

    static final String DECIDED_COLUMNS = "id, receipt_number, partner_id, amount_usd, verdict, submitted_at, "
            + "decided_at, decided_by, status, rejection_reason";

    static DecidedRegistration mapDecided(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("rejection_reason");
        return new DecidedRegistration(rs.getObject("id", UUID.class), rs.getString("receipt_number"),
                rs.getObject("partner_id", UUID.class), rs.getBigDecimal("amount_usd"),
                Verdict.valueOf(rs.getString("verdict")), rs.getTimestamp("submitted_at").toInstant(),
                rs.getTimestamp("decided_at").toInstant(), rs.getObject("decided_by", UUID.class),
                RegistrationStatus.valueOf(rs.getString("status")), reason == null ? null : RejectionReason.valueOf(reason));
    }

    static PendingRegistration map(ResultSet rs, int row) throws SQLException {
        return new PendingRegistration(rs.getObject("id", UUID.class), rs.getString("receipt_number"),
                rs.getObject("partner_id", UUID.class), rs.getBigDecimal("amount_usd"),
                Verdict.valueOf(rs.getString("verdict")), rs.getTimestamp("submitted_at").toInstant(),
                rs.getTimestamp("remind_at").toInstant(), rs.getTimestamp("decision_due_at").toInstant(),
                rs.getInt("version"));
    }
}
