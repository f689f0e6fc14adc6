package org.dealreg.registration.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import org.dealreg.crypto.FieldCipher;
import org.dealreg.identity.CurrentUser;
import org.dealreg.registration.RegistrationStatus;
import org.dealreg.registration.RegistrationsExported;
import org.dealreg.shared.DatabaseClock;
import org.dealreg.shared.NotFound;
import org.dealreg.web.Export;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A partner's registrations as an export: the company's rows only, the list's status filter, newest first, read a
 * batch at a time and decrypted one by one (the customer's name and the title, as the list). The export is then
 * recorded ({@link RegistrationsExported}) with the number of rows it held, even when the download broke off.
 */
@Service
class RegistrationExport {

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final ApplicationEventPublisher events;
    private final DatabaseClock clock;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;

    RegistrationExport(JdbcTemplate jdbc, FieldCipher cipher, ApplicationEventPublisher events, DatabaseClock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
    }

    /** Hands the company's registrations to the sink, then records the export. */
    void export(CurrentUser user, RegistrationStatus status, Export.Format format, Consumer<DealSummary> sink) {
        if (user.partnerId() == null) {
            throw new NotFound("Partner");
        }
        long[] rows = {0};
        try {
            reading.executeWithoutResult(tx -> Export.stream(jdbc, """
                    select id, receipt_number, customer_name, title, status, amount, currency, submitted_at,
                           decision_due_at, protection_ends_at
                    from registration
                    where partner_id = ? and (cast(? as varchar) is null or status = cast(? as varchar))
                    order by submitted_at desc, id""", (rs, n) -> new DealSummary(rs.getObject("id", UUID.class),
                    rs.getString("receipt_number"), cipher.decrypt(rs.getString("customer_name")),
                    cipher.decrypt(rs.getString("title")), RegistrationStatus.valueOf(rs.getString("status")),
                    rs.getBigDecimal("amount"), rs.getString("currency"), rs.getTimestamp("submitted_at").toInstant(),
                    rs.getTimestamp("decision_due_at").toInstant(), instant(rs.getTimestamp("protection_ends_at"))),
                    summary -> {
                        sink.accept(summary);
                        rows[0]++;
                    }, user.partnerId(), status == null ? null : status.name(), status == null ? null : status.name()));
        } finally {
            writing.executeWithoutResult(tx -> events.publishEvent(new RegistrationsExported(user.partnerId(),
                    user.id(), user.role().name(), status, format.extension(), rows[0], clock.now())));
        }
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
