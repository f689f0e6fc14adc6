package org.dealreg.registration.internal;

import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tier's cap of open registrations, enforced without holding the partner for a whole submission
 * (docs/submission.md). A submission first takes a <em>ticket</em>: a row of {@code registration_reservation},
 * numbered under the partner's {@code registration_quota} row lock and committed at once, so tickets are committed in
 * their order and that lock is held for a moment only. Its main transaction then counts, in one snapshot, the
 * partner's open registrations and the live tickets numbered before its own, and goes on only below the cap. Of the
 * submissions that go on, the one with the highest ticket counted every other one (as a ticket, or as the registration
 * that replaced it in the same commit), so together they never exceed the cap.
 */
@Component
class SubmissionQuota {

    /**
     * How long a ticket counts without its registration: far longer than a submission may take (its transaction
     * times out after {@link #SUBMISSION_TIMEOUT}), so only the tickets of a node that died mid-submission lapse.
     */
    static final Duration TICKET_LIFE = Duration.ofMinutes(10);
    static final Duration SUBMISSION_TIMEOUT = Duration.ofSeconds(60);

    /** The open registrations and earlier tickets counted, and the receipt's number when below the cap. */
    record Count(long counted, Long receiptNumber) {

        boolean belowCap() {
            return receiptNumber != null;
        }
    }

    private final JdbcTemplate jdbc;

    SubmissionQuota(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the partner's next ticket for the registration. In a transaction of its own when {@code committedAtOnce}
     * (then committed without waiting for the disk: the submission's own commit, which waits, flushes it too, and a
     * ticket lost in a crash counts for nobody), else in the caller's, whose commit it then waits for.
     */
    long reserve(UUID partnerId, UUID registrationId, boolean committedAtOnce) {
        String sql = committedAtOnce
                ? "select reserve_registration(?, ?) from set_config('synchronous_commit', 'off', true)"
                : "select reserve_registration(?, ?)";
        return jdbc.queryForObject(sql, Long.class, partnerId, registrationId);
    }

    /**
     * In the submission's transaction, once the partner is held: counts its open registrations and the live tickets
     * before {@code ticket}, and draws the receipt's number only when that count is below the cap.
     */
    Count count(UUID partnerId, long ticket, int cap) {
        return jdbc.queryForObject("""
                select c.counted, case when c.counted < ? then nextval('receipt_number_seq') end as receipt
                  from (select %s
                             + (select count(*) from registration_reservation r
                                 where r.partner_id = ? and r.ticket < ? and r.reserved_at > now() - ?::interval
                                   and not exists (select 1 from registration g where g.id = r.registration_id))
                               as counted) c""".formatted(OpenRegistrations.SUM),
                (rs, n) -> new Count(rs.getLong("counted"), rs.getObject("receipt", Long.class)),
                cap, partnerId, partnerId, ticket, TICKET_LIFE.toSeconds() + " seconds");
    }

    /** After a submission failed and rolled back: its ticket stops counting at once. */
    void release(UUID registrationId) {
        jdbc.update("delete from registration_reservation where registration_id = ?", registrationId);
    }
}
