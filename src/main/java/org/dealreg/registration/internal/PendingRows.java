package org.dealreg.registration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.dealreg.conflicts.Verdict;
import org.dealreg.registration.PendingRegistration;

/** Pending registrations read from their plain columns only: listing them decrypts nothing. */
final class PendingRows {

    static final String COLUMNS =
            "id, receipt_number, partner_id, amount_usd, verdict, submitted_at, remind_at, decision_due_at, version";

    private PendingRows() {
    }

    static PendingRegistration map(ResultSet rs, int row) throws SQLException {
        return new PendingRegistration(rs.getObject("id", UUID.class), rs.getString("receipt_number"),
                rs.getObject("partner_id", UUID.class), rs.getBigDecimal("amount_usd"),
                Verdict.valueOf(rs.getString("verdict")), rs.getTimestamp("submitted_at").toInstant(),
                rs.getTimestamp("remind_at").toInstant(), rs.getTimestamp("decision_due_at").toInstant(),
                rs.getInt("version"));
    }
}
