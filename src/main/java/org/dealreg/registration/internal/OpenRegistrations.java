package org.dealreg.registration.internal;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many open registrations (submitted or approved) a partner has: the one way to count them. PostgreSQL keeps the
 * count as registrations change (V39: sixteen slots per partner, summed), so reading it costs a few rows however many
 * registrations the partner has open.
 */
@Component
class OpenRegistrations {

    /** The count as one SQL expression of the partner's id, for statements that count more than this. */
    static final String SUM = "(select coalesce(sum(open), 0) from registration_open_count where partner_id = ?)";

    private final JdbcTemplate jdbc;

    OpenRegistrations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long of(UUID partnerId) {
        return jdbc.queryForObject("select " + SUM, Long.class, partnerId);
    }
}
