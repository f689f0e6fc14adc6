package org.dealreg.accounts.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.dealreg.accounts.RepAccountFigures;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link RepAccountFigures} in one query. Engaged as the account pages say it: an open engagement started by today
 * with activity within the lapse setting; it lapses the lapse's number of days after its latest activity.
 */
@Service
class JdbcRepAccountFigures implements RepAccountFigures {

    private final NamedParameterJdbcTemplate jdbc;
    private final ProgramSettings settings;

    JdbcRepAccountFigures(NamedParameterJdbcTemplate jdbc, ProgramSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    @Transactional(readOnly = true)
    public Figures of(UUID repId, LocalDate today, int days) {
        int lapse = settings.integer(Setting.ENGAGEMENT_LAPSE_DAYS);
        long[] owned = {0};
        long[] engaged = {0};
        List<Lapsing> lapsing = new ArrayList<>();
        jdbc.query("""
                select a.id, a.name,
                       (select max(e.last_activity_on) from engagement e
                         where e.account_id = a.id and e.ended_on is null and e.started_on <= :today
                           and e.last_activity_on >= :lapsedBefore) as last_activity
                  from direct_account a where a.owner_id = :rep""",
                new MapSqlParameterSource("rep", repId).addValue("today", today)
                        .addValue("lapsedBefore", today.minusDays(lapse)),
                rs -> {
                    owned[0]++;
                    LocalDate last = rs.getObject("last_activity", LocalDate.class);
                    if (last != null) {
                        engaged[0]++;
                        LocalDate lapsesOn = last.plusDays(lapse);
                        if (!lapsesOn.isAfter(today.plusDays(days))) {
                            lapsing.add(new Lapsing(rs.getObject("id", UUID.class), rs.getString("name"), lapsesOn));
                        }
                    }
                });
        lapsing.sort(Comparator.comparing(Lapsing::lapsesOn).thenComparing(Lapsing::accountName));
        return new Figures(owned[0], engaged[0], List.copyOf(lapsing));
    }
}
