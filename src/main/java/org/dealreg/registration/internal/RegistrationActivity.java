package org.dealreg.registration.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.dealreg.partners.PartnerActivity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A partner's registrations as its profile counts them: open ones, and won revenue per specialisation. */
@Service
class RegistrationActivity implements PartnerActivity {

    private final OpenRegistrations open;
    private final JdbcTemplate jdbc;

    RegistrationActivity(OpenRegistrations open, JdbcTemplate jdbc) {
        this.open = open;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public long openRegistrations(UUID partnerId) {
        return open.of(partnerId);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> wonUsdBySpecialization(UUID partnerId, java.time.LocalDate from,
            java.time.LocalDate to) {
        Map<String, BigDecimal> won = new HashMap<>();
        jdbc.query("""
                select specialization_code, sum(won_amount_usd) as usd from registration
                 where partner_id = ? and status = 'WON' and closed_on between ? and ?
                 group by specialization_code""", rs -> {
                    won.put(rs.getString("specialization_code"), rs.getBigDecimal("usd"));
                }, partnerId, Date.valueOf(from), Date.valueOf(to));
        return won;
    }
}
