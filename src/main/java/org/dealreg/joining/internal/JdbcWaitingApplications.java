package org.dealreg.joining.internal;

import org.dealreg.joining.WaitingApplications;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcWaitingApplications implements WaitingApplications {

    private final JdbcTemplate jdbc;

    JdbcWaitingApplications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return jdbc.queryForObject("select count(*) from partner_application where status = 'PENDING'", Long.class);
    }
}
