package org.dealreg.registration.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
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
        return erase("""
                ended_at <= ? and personal_data_erased_at is null
                 order by ended_at
                 limit ?
                   for no key update skip locked""", now, null, Timestamp.from(endedOnOrBefore), limit).size();
    }

    /**
     * A personal-data request's erasure (GDPR article 17, docs/receipts.md): the same erasure for the registrations
     * a programme admin chose, open or ended, each once. Waits for a row another transaction holds rather than
     * skipping it, so the request erases every one it names.
     *
     * @return the registrations it erased (those erased before are left as they are)
     */
    @Transactional
    public List<UUID> eraseRequested(Collection<UUID> registrationIds, Instant now, UUID erasedBy) {
        return erase("id = any(?) and personal_data_erased_at is null for no key update", now, erasedBy,
                (Object) registrationIds.toArray(UUID[]::new)).stream().map(PersonalDataErased::registrationId).toList();
    }

    /** Erases the contact of the rows {@code due} selects (and locks), with an event each for the audit trail. */
    private List<PersonalDataErased> erase(String due, Instant now, UUID erasedBy, Object... dueArgs) {
        Object[] args = Arrays.copyOf(dueArgs, dueArgs.length + 1);
        args[dueArgs.length] = Timestamp.from(now);
        List<PersonalDataErased> erased = jdbc.query("""
                with due as (select id from registration where %s)
                update registration r
                   set contact_name = null, contact_email = null, contact_phone = null, contact_email_index = null,
                       personal_data_erased_at = ?
                  from due
                 where r.id = due.id
                returning r.id, r.partner_id, r.ended_at""".formatted(due),
                (rs, n) -> new PersonalDataErased(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                        rs.getTimestamp("ended_at") == null ? null : rs.getTimestamp("ended_at").toInstant(), now,
                        erasedBy),
                args);
        erased.forEach(events::publishEvent);
        return erased;
    }
}
