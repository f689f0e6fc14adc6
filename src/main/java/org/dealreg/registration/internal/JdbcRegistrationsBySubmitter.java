package org.dealreg.registration.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dealreg.registration.RegistrationStatus;
import org.dealreg.registration.RegistrationsBySubmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcRegistrationsBySubmitter implements RegistrationsBySubmitter {

    private final JdbcTemplate jdbc;

    JdbcRegistrationsBySubmitter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One query over those users' registrations of the company (its partner index), newest first per user. */
    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Submitted> ofCompany(UUID partnerId, Collection<UUID> users, int latest) {
        if (users.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Long> counts = new LinkedHashMap<>();
        Map<UUID, List<Line>> lines = new LinkedHashMap<>();
        jdbc.query("""
                select submitted_by, id, receipt_number, status, submitted_at, n from (
                  select r.submitted_by, r.id, r.receipt_number, r.status, r.submitted_at,
                         row_number() over (partition by r.submitted_by order by r.submitted_at desc, r.id) as rank,
                         count(*) over (partition by r.submitted_by) as n
                  from registration r where r.partner_id = ? and r.submitted_by = any(?)) ranked
                where rank <= ? order by submitted_by, rank""", rs -> {
                    UUID user = rs.getObject("submitted_by", UUID.class);
                    counts.put(user, rs.getLong("n"));
                    lines.computeIfAbsent(user, u -> new ArrayList<>()).add(new Line(rs.getObject("id", UUID.class),
                            rs.getString("receipt_number"), RegistrationStatus.valueOf(rs.getString("status")),
                            rs.getTimestamp("submitted_at").toInstant()));
                }, partnerId, users.toArray(UUID[]::new), latest);
        Map<UUID, Submitted> result = new LinkedHashMap<>();
        counts.forEach((user, count) -> result.put(user, new Submitted(count, List.copyOf(lines.get(user)))));
        return result;
    }
}
