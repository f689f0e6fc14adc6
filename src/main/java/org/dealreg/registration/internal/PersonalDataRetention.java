package org.dealreg.registration.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.dealreg.registration.PersonalDataErased;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases the customer contact (name, e-mail, phone) of registrations that ended long enough ago, and nothing else:
 * status, amounts, dates, the customer and its blind indexes stay for reporting. Plain SQL rather than the
 * aggregate, so that the erasure does not move the version a manager's or partner's open page carries.
 * <p>
 * The registration pages ask it, as {@code @personalDataRetention}, when an erased contact was erased.
 */
@Service
public class PersonalDataRetention {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    PersonalDataRetention(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Erases at most {@code limit} registrations that ended at or before {@code endedOnOrBefore}, the oldest first,
     * in one transaction with their audit records. Rows another run holds are skipped, not waited for, and a row is
     * erased once: it no longer matches afterwards. The lock is {@code for no key update}, the lock the update takes
     * anyway, so a staff view recorded against one of these rows meanwhile is not held up.
     *
     * @return how many it erased; fewer than {@code limit} means none was left (or the rest are held by another run)
     */
    @Transactional
    public int eraseBatch(Instant endedOnOrBefore, Instant now, int limit) {
        List<PersonalDataErased> erased = jdbc.query("""
                with due as (
                    select id from registration
                     where ended_at <= ? and personal_data_erased_at is null
                     order by ended_at
                     limit ?
                       for no key update skip locked)
                update registration r
                   set contact_name = null, contact_email = null, contact_phone = null, personal_data_erased_at = ?
                  from due
                 where r.id = due.id
                returning r.id, r.partner_id, r.ended_at""",
                (rs, n) -> new PersonalDataErased(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                        rs.getTimestamp("ended_at").toInstant(), now),
                Timestamp.from(endedOnOrBefore), limit, Timestamp.from(now));
        erased.forEach(events::publishEvent);
        return erased.size();
    }
}
