package org.dealreg.registration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.dealreg.conflicts.CustomerFingerprints;
import org.dealreg.crypto.FieldCipher;
import org.dealreg.registration.RegistrationStatus;
import org.dealreg.shared.ListOrder;
import org.dealreg.shared.Paging;
import org.dealreg.shared.SearchText;
import org.dealreg.web.Export;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The partner's list of its company's registrations, as a page and as an export: one where clause and one order for
 * both, so the file holds what the page shows. Only the customer's name and the title of the rows read are decrypted.
 * The search matches without decrypting anything (docs/lists.md): the receipt number (contains), the customer's name
 * as the conflict check normalises it (whole name, by its blind index in any country), or its web domain (by its
 * blind index).
 */
@Component
class CompanyRegistrations {

    static final int PAGE_SIZE = 20;

    /** The column headers' orders: submission (the default, newest first), amount in USD, status. */
    static final ListOrder.Columns ORDERS = ListOrder.columns("id")
            .descending("submitted", "submitted_at")
            .descending("amount", "amount_usd")
            .ascending("status", "status")
            .byDefault("submitted");

    /** Which of the company's registrations, in which order. {@code status} null: every status. */
    record Query(UUID partnerId, RegistrationStatus status, SearchText search, ListOrder order) {
    }

    private static final String COLUMNS = "id, receipt_number, customer_name, title, status, amount, currency, "
            + "submitted_at, decision_due_at, protection_ends_at";

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final CustomerFingerprints fingerprints;

    CompanyRegistrations(JdbcTemplate jdbc, FieldCipher cipher, CustomerFingerprints fingerprints) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.fingerprints = fingerprints;
    }

    /** The page asked for (the last when past it) and the count, in two statements. */
    Page<DealSummary> page(Query query, int page) {
        List<Object> arguments = new ArrayList<>();
        String where = where(query, arguments);
        return Paging.page(page, PAGE_SIZE, jdbc, "select count(*) from registration where " + where,
                "select %s from registration where %s order by %s limit ? offset ?".formatted(COLUMNS, where,
                        query.order().sql()), this::summary, arguments);
    }

    /** Every row the query keeps, in its order, handed to the sink as PostgreSQL sends them (docs/exports.md). */
    void each(Query query, Consumer<DealSummary> sink) {
        List<Object> arguments = new ArrayList<>();
        String where = where(query, arguments);
        Export.stream(jdbc, "select %s from registration where %s order by %s"
                .formatted(COLUMNS, where, query.order().sql()), this::summary, sink, arguments.toArray());
    }

    private String where(Query query, List<Object> arguments) {
        StringBuilder where = new StringBuilder("partner_id = ?");
        arguments.add(query.partnerId());
        if (query.status() != null) {
            where.append(" and status = ?");
            arguments.add(query.status().name());
        }
        if (!query.search().isEmpty()) {
            String text = query.search().text();
            where.append(" and (lower(receipt_number) like ? escape '\\' or customer_name_index = any(?)");
            arguments.add(query.search().containedLowerCase());
            arguments.add(fingerprints.nameIndexesInAnyCountry(text).toArray(String[]::new));
            Optional<String> domain = fingerprints.domainIndex(text);
            if (domain.isPresent()) {
                where.append(" or customer_domain_index = ?");
                arguments.add(domain.get());
            }
            where.append(')');
        }
        return where.toString();
    }

    private DealSummary summary(ResultSet rs, int row) throws SQLException {
        return new DealSummary(rs.getObject("id", UUID.class), rs.getString("receipt_number"),
                cipher.decrypt(rs.getString("customer_name")), cipher.decrypt(rs.getString("title")),
                RegistrationStatus.valueOf(rs.getString("status")), rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("decision_due_at").toInstant(),
                instant(rs.getTimestamp("protection_ends_at")));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
