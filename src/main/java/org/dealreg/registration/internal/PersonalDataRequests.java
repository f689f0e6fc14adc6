package org.dealreg.registration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dealreg.crypto.FieldCipher;
import org.dealreg.identity.CurrentUser;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.Partners;
import org.dealreg.registration.PersonalDataRequested;
import org.dealreg.registration.PersonalDataRequested.Step;
import org.dealreg.registration.RegistrationStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme admin answers a contact's personal-data request (GDPR articles 15 and 17, docs/receipts.md): finds the
 * registrations holding the contact's e-mail through its blind index (nothing decrypted), exports what they hold
 * about the contact (decrypting those rows only) and erases it with the retention rule's erasure. Each step is
 * audited in its transaction.
 */
@Service
class PersonalDataRequests {

    private final JdbcTemplate jdbc;
    private final ContactEmails contactEmails;
    private final FieldCipher cipher;
    private final Partners partners;
    private final PersonalDataRetention retention;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PersonalDataRequests(JdbcTemplate jdbc, ContactEmails contactEmails, FieldCipher cipher, Partners partners,
            PersonalDataRetention retention, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.contactEmails = contactEmails;
        this.cipher = cipher;
        this.partners = partners;
        this.retention = retention;
        this.events = events;
        this.clock = clock;
    }

    /** A registration holding the contact, as the page lists it: nothing a partner typed. */
    public record Found(UUID id, String receiptNumber, String partner, RegistrationStatus status, Instant submittedAt,
            Instant endedAt) {
    }

    /** What a registration holds about the contact, with what says which registration it is. */
    public record Held(String receiptNumber, String partner, RegistrationStatus status, Instant submittedAt,
            String customerName, String contactName, String contactEmail, String contactPhone) {
    }

    /** The registrations holding this e-mail (in any case), oldest first; the search is audited. */
    @Transactional
    public List<Found> find(CurrentUser admin, String email) {
        String index = contactEmails.index(email);
        List<Found> found = named(jdbc.query("""
                select id, receipt_number, partner_id, status, submitted_at, ended_at from registration
                 where contact_email_index = ? order by submitted_at, id""", (rs, n) -> new Row(rs), index));
        events.publishEvent(new PersonalDataRequested(admin.id(), index, Step.FOUND, null,
                found.stream().map(Found::id).toList()));
        return found;
    }

    /** What the registrations holding this e-mail hold about the contact, decrypted; the export is audited. */
    @Transactional
    public List<Held> export(CurrentUser admin, String email, String format) {
        String index = contactEmails.index(email);
        List<Row> rows = jdbc.query("""
                select id, receipt_number, partner_id, status, submitted_at, ended_at, customer_name, contact_name,
                       contact_email, contact_phone
                  from registration where contact_email_index = ? order by submitted_at, id""",
                (rs, n) -> new Row(rs), index);
        Map<UUID, PartnerView> names = partners.findAll(rows.stream().map(Row::partnerId).distinct().toList());
        events.publishEvent(new PersonalDataRequested(admin.id(), index, Step.EXPORTED, format,
                rows.stream().map(Row::id).toList()));
        return rows.stream().map(r -> new Held(r.receiptNumber, partnerName(names, r.partnerId),
                r.status, r.submittedAt, cipher.decrypt(r.customerName), cipher.decrypt(r.contactName),
                cipher.decrypt(r.contactEmail), cipher.decrypt(r.contactPhone))).toList();
    }

    /**
     * Erases the contact of those of {@code chosen} (the registrations the admin saw listed) that still hold this
     * e-mail, with the retention rule's erasure, each audited as erased by the admin.
     *
     * @return how many it erased
     */
    @Transactional
    public int erase(CurrentUser admin, String email, Collection<UUID> chosen) {
        List<UUID> holding = jdbc.queryForList(
                "select id from registration where contact_email_index = ? and id = any(?)", UUID.class,
                contactEmails.index(email), chosen.toArray(UUID[]::new));
        return holding.isEmpty() ? 0 : retention.eraseRequested(holding, clock.instant(), admin.id()).size();
    }

    private List<Found> named(List<Row> rows) {
        Map<UUID, PartnerView> names = partners.findAll(rows.stream().map(Row::partnerId).distinct().toList());
        return rows.stream().map(r -> new Found(r.id, r.receiptNumber, partnerName(names, r.partnerId), r.status,
                r.submittedAt, r.endedAt)).toList();
    }

    private static String partnerName(Map<UUID, PartnerView> names, UUID partnerId) {
        PartnerView partner = names.get(partnerId);
        return partner == null ? partnerId.toString() : partner.legalName();
    }

    /** A registration row as read: the encrypted columns are read only by the export, and stay encrypted here. */
    private static final class Row {
        final UUID id;
        final String receiptNumber;
        final UUID partnerId;
        final RegistrationStatus status;
        final Instant submittedAt;
        final Instant endedAt;
        final String customerName;
        final String contactName;
        final String contactEmail;
        final String contactPhone;

        Row(ResultSet rs) throws SQLException {
            id = rs.getObject("id", UUID.class);
            receiptNumber = rs.getString("receipt_number");
            partnerId = rs.getObject("partner_id", UUID.class);
            status = RegistrationStatus.valueOf(rs.getString("status"));
            submittedAt = rs.getTimestamp("submitted_at").toInstant();
            Timestamp ended = rs.getTimestamp("ended_at");
            endedAt = ended == null ? null : ended.toInstant();
            boolean withContact = rs.getMetaData().getColumnCount() > 6;
            customerName = withContact ? rs.getString("customer_name") : null;
            contactName = withContact ? rs.getString("contact_name") : null;
            contactEmail = withContact ? rs.getString("contact_email") : null;
            contactPhone = withContact ? rs.getString("contact_phone") : null;
        }

        UUID id() {
            return id;
        }

        UUID partnerId() {
            return partnerId;
        }
    }
}
