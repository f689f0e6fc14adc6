package org.dealreg.credits.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dealreg.credits.CreditFigures;
import org.dealreg.credits.CreditSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link CreditFigures}: one grouped query each over the ledger. */
@Service
@Transactional(readOnly = true)
class JdbcCreditFigures implements CreditFigures {

    private final NamedParameterJdbcTemplate jdbc;

    JdbcCreditFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<CreditSource, BigDecimal> totals(UUID repId, LocalDate first, LocalDate last) {
        Map<CreditSource, BigDecimal> totals = new EnumMap<>(CreditSource.class);
        for (CreditSource source : CreditSource.values()) {
            totals.put(source, BigDecimal.ZERO);
        }
        jdbc.query("""
                select source, sum(amount_usd) as total from rep_credit
                 where rep_id = :rep and closed_on between :first and :last
                 group by source""",
                new MapSqlParameterSource("rep", repId).addValue("first", Date.valueOf(first))
                        .addValue("last", Date.valueOf(last)),
                rs -> {
                    totals.put(CreditSource.valueOf(rs.getString("source")), rs.getBigDecimal("total"));
                });
        return totals;
    }

    @Override
    public List<Month> perMonth(YearMonth first, YearMonth last) {
        Map<YearMonth, Month> months = new LinkedHashMap<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.put(month, new Month(month, BigDecimal.ZERO, BigDecimal.ZERO));
        }
        jdbc.query("""
                select date_trunc('month', closed_on)::date as month,
                       coalesce(sum(amount_usd) filter (where source = 'DIRECT'), 0) as direct,
                       coalesce(sum(amount_usd) filter (where source = 'PARTNER'), 0) as partner
                  from rep_credit
                 where closed_on >= :first and closed_on < :end
                 group by 1""",
                new MapSqlParameterSource("first", Date.valueOf(first.atDay(1)))
                        .addValue("end", Date.valueOf(last.plusMonths(1).atDay(1))),
                rs -> {
                    YearMonth month = YearMonth.from(rs.getObject("month", LocalDate.class));
                    months.put(month, new Month(month, rs.getBigDecimal("direct"), rs.getBigDecimal("partner")));
                });
        return List.copyOf(months.values());
    }
}
