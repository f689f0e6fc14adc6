package org.dealreg.audit.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dealreg.audit.SubmissionSeals;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link SubmissionSeals} from the trail's rows; the check walks the chain as the audit page does. */
@Service
class JdbcSubmissionSeals implements SubmissionSeals {

    private static final Pattern SUBMITTED_AT = Pattern.compile("(?:^| )submittedAt=(\\S+)");

    private final JdbcTemplate jdbc;
    private final AuditTrail trail;

    JdbcSubmissionSeals(JdbcTemplate jdbc, AuditTrail trail) {
        this.jdbc = jdbc;
        this.trail = trail;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Seal> of(UUID registrationId) {
        return submission(registrationId).map(row -> new Seal(row.sealSeq(), row.hash()));
    }

    @Override
    @Transactional(readOnly = true)
    public OptionalLong check(UUID registrationId, String hash, String receiptNumber, Instant submittedAt) {
        Optional<AuditEntry> found = submission(registrationId);
        if (found.isEmpty() || !found.get().sealed()) {
            return OptionalLong.empty();
        }
        AuditEntry row = found.get();
        boolean claimed = row.hash().equals(hash) && row.computeHash().equals(row.hash())
                && (" " + row.details() + " ").contains(" receipt=" + receiptNumber + " ")
                && sameMicrosecond(submittedAt, submittedAt(row.details()));
        if (!claimed) {
            return OptionalLong.empty();
        }
        AuditTrail.Verification chain = trail.verify();
        return chain.intact() || chain.rowsChecked() >= row.sealSeq() ? OptionalLong.of(row.sealSeq())
                : OptionalLong.empty();
    }

    private Optional<AuditEntry> submission(UUID registrationId) {
        return jdbc.query("""
                select * from audit_event
                 where subject_type = 'registration' and subject_id = ? and action = 'REGISTRATION_SUBMITTED'
                 order by seq limit 1""", AuditTrail::entry, registrationId.toString()).stream().findFirst();
    }

    /** The submission time the row records; null if none. */
    private static Instant submittedAt(String details) {
        Matcher m = SUBMITTED_AT.matcher(details);
        try {
            return m.find() ? Instant.parse(m.group(1)) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** PostgreSQL keeps a time to the microsecond, rounded; the row may carry it to the nanosecond. */
    private static boolean sameMicrosecond(Instant receipt, Instant recorded) {
        return recorded != null && Duration.between(receipt, recorded).abs().compareTo(Duration.ofNanos(1000)) < 0;
    }
}
