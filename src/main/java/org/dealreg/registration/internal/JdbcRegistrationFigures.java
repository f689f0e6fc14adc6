package org.dealreg.registration.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dealreg.registration.RegistrationFigures;
import org.dealreg.registration.RegistrationStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link RegistrationFigures}: one aggregate query per figure over plain columns. Ranges of times go through the
 * submission and decision indexes, months through the {@code registration_month} rollup (V75).
 */
@Service
@Transactional(readOnly = true)
class JdbcRegistrationFigures implements RegistrationFigures {

    private final NamedParameterJdbcTemplate jdbc;

    JdbcRegistrationFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StatusLine> pipeline(UUID partnerId, Instant from, Instant to) {
        Map<RegistrationStatus, StatusLine> lines = new EnumMap<>(RegistrationStatus.class);
        for (RegistrationStatus status : RegistrationStatus.values()) {
            lines.put(status, new StatusLine(status, 0, BigDecimal.ZERO));
        }
        jdbc.query("""
                select status, count(*) as registrations, sum(amount_usd) as value_usd from registration
                 where partner_id = :partner and submitted_at >= :from and submitted_at < :to
                 group by status""", range(from, to).addValue("partner", partnerId), rs -> {
            RegistrationStatus status = RegistrationStatus.valueOf(rs.getString("status"));
            lines.put(status, new StatusLine(status, rs.getLong("registrations"), rs.getBigDecimal("value_usd")));
        });
        return List.copyOf(lines.values());
    }

    @Override
    public Decisions decisions(UUID partnerId, Instant from, Instant to) {
        return jdbc.queryForObject("""
                select count(*) filter (where decided_at is not null and status <> 'REJECTED') as approved,
                       count(*) filter (where status = 'REJECTED') as rejected,
                       percentile_cont(0.5) within group (order by extract(epoch from decided_at - submitted_at))
                           filter (where decided_at is not null) as median_seconds
                  from registration
                 where partner_id = :partner and submitted_at >= :from and submitted_at < :to""",
                range(from, to).addValue("partner", partnerId),
                (rs, n) -> new Decisions(rs.getLong("approved"), rs.getLong("rejected"),
                        wholeMinutes(rs, "median_seconds")));
    }

    @Override
    public long protectionEndingWithin(UUID partnerId, Instant now, Duration within) {
        return jdbc.queryForObject("""
                select count(*) from registration
                 where partner_id = :partner and status = 'APPROVED'
                   and protection_ends_at > :now and protection_ends_at <= :until""",
                new MapSqlParameterSource("partner", partnerId).addValue("now", Timestamp.from(now))
                        .addValue("until", Timestamp.from(now.plus(within))), Long.class);
    }

    @Override
    public long open(UUID partnerId) {
        return jdbc.queryForObject("select coalesce(sum(open), 0) from registration_open_count where partner_id = :partner",
                new MapSqlParameterSource("partner", partnerId), Long.class);
    }

    @Override
    public Map<String, BigDecimal> wonUsdBySpecialization(Collection<UUID> partners, LocalDate first, LocalDate last) {
        Map<String, BigDecimal> won = new LinkedHashMap<>();
        jdbc.query("""
                select specialization_code, sum(won_amount_usd) as won_usd from registration
                 where status = 'WON' and closed_on between :first and :last""" + scope(partners) + """

                 group by specialization_code order by specialization_code""",
                scoped(partners).addValue("first", Date.valueOf(first)).addValue("last", Date.valueOf(last)),
                rs -> {
                    won.put(rs.getString("specialization_code"), rs.getBigDecimal("won_usd"));
                });
        return won;
    }

    @Override
    public List<Pending> pendingByPartner(Collection<UUID> partners, Instant now) {
        return jdbc.query("""
                select partner_id,
                       count(*) filter (where remind_at > :now) as on_time,
                       count(*) filter (where remind_at <= :now and decision_due_at > :now) as due_soon,
                       count(*) filter (where decision_due_at <= :now) as overdue
                  from registration
                 where status = 'SUBMITTED'""" + scope(partners) + """

                 group by partner_id""", scoped(partners).addValue("now", Timestamp.from(now)),
                (rs, n) -> new Pending(rs.getObject("partner_id", UUID.class), rs.getLong("on_time"),
                        rs.getLong("due_soon"), rs.getLong("overdue")));
    }

    @Override
    public DecisionFigures decisionFigures(Collection<UUID> partners, Instant from, Instant to, Instant now,
            ZoneId zone) {
        List<DecisionTimes> weeks = new ArrayList<>();
        List<DecisionTimes> overall = new ArrayList<>();
        List<Approvals> approvals = new ArrayList<>();
        jdbc.query(decisionTimesSql(WEEK, partners).replace("from registration", """
                from (select r.*, date_trunc('week', r.submitted_at at time zone :zone)::date as submitted_week
                        from registration r) registration""") + """

                 group by grouping sets ((submitted_week), ())
                 order by 1""", decisionTimesParameters(partners, from, to, now).addValue("zone", zone.getId()), rs -> {
            (rs.getInt("by_week") == 0 ? weeks : overall).add(times(rs));
        });
        // apart: the percentiles of thousands of (company, verdict) groups would cost more than this second pass,
        // over the decisions made in the range
        List<DayDecisions> days = new ArrayList<>();
        jdbc.query("""
                select day, partner_id, verdict,
                       grouping(partner_id) as by_company,
                       count(*) filter (where status <> 'REJECTED') as approved,
                       count(*) filter (where status = 'REJECTED') as rejected
                  from (select (decided_at at time zone :zone)::date as day, partner_id, verdict, status
                          from registration
                         where decided_at >= :from and decided_at < :to""" + scope(partners) + """
                       ) decided
                 group by grouping sets ((day), (partner_id, verdict))
                 order by 1""", scoped(partners).addValues(range(from, to).getValues()).addValue("zone", zone.getId()),
                rs -> {
            if (rs.getInt("by_company") == 0) {
                approvals.add(new Approvals(rs.getObject("partner_id", UUID.class), rs.getString("verdict"),
                        rs.getLong("approved"), rs.getLong("rejected")));
            } else {
                days.add(new DayDecisions(rs.getObject("day", LocalDate.class), rs.getLong("approved"),
                        rs.getLong("rejected")));
            }
        });
        return new DecisionFigures(weeks, overall.isEmpty() ? NONE : overall.get(0), days, approvals);
    }

    @Override
    public Map<String, DecisionTimes> decisionTimesByGroup(Map<UUID, String> groups, Instant from, Instant to,
            Instant now) {
        Map<String, DecisionTimes> byGroup = new LinkedHashMap<>();
        if (groups.isEmpty()) {
            return byGroup;
        }
        List<UUID> ids = List.copyOf(groups.keySet());
        String sql = decisionTimesSql("null::date", null).replace("select null::date as week,", "select g.label, null::date as week,")
                .replace("from registration", "from registration join unnest(cast(:ids as uuid[]), cast(:labels as text[]))"
                        + " as g(partner_id, label) using (partner_id)")
                + " group by g.label";
        jdbc.query(sql, decisionTimesParameters(null, from, to, now).addValue("ids", ids.toArray(UUID[]::new))
                .addValue("labels", ids.stream().map(groups::get).toArray(String[]::new)), rs -> {
                    byGroup.put(rs.getString("label"), times(rs));
                });
        return byGroup;
    }

    /** The week of submission (Monday) in the reader's zone, a column {@link #decisionFigures} adds. */
    private static final String WEEK = "submitted_week";
    private static final DecisionTimes NONE = new DecisionTimes(null, 0, 0, null, null, 0, 0, 0, 0);

    /**
     * The trust figures (both percentiles from one sort of the decision times), counted as the trust page counts
     * them, of the registrations submitted in the range; the caller groups them.
     */
    private static String decisionTimesSql(String week, Collection<UUID> partners) {
        return "select " + week + " as week, " + (week.equals(WEEK) ? "grouping(" + WEEK + ")" : "1") + " as by_week,"
                + """
                       count(*) as submitted,
                       count(decided_at) as decided,
                       percentile_cont(array[0.5, 0.95]) within group (order by extract(epoch from decided_at - submitted_at))
                           filter (where decided_at is not null) as percentile_seconds,
                       count(*) filter (where decided_at - submitted_at < interval '24 hours 1 minute') as within_24h,
                       count(*) filter (where decided_at is not null
                           or (status = 'SUBMITTED' and submitted_at <= cast(:now as timestamptz) - interval '24 hours 1 minute')) as counted_24h,
                       count(*) filter (where decided_at - submitted_at < interval '48 hours 1 minute') as within_48h,
                       count(*) filter (where decided_at is not null
                           or (status = 'SUBMITTED' and submitted_at <= cast(:now as timestamptz) - interval '48 hours 1 minute')) as counted_48h
                  from registration
                 where submitted_at >= :from and submitted_at < :to""" + scope(partners);
    }

    private static MapSqlParameterSource decisionTimesParameters(Collection<UUID> partners, Instant from, Instant to,
            Instant now) {
        return scoped(partners).addValues(range(from, to).getValues()).addValue("now", Timestamp.from(now));
    }

    private static DecisionTimes times(ResultSet rs) throws SQLException {
        java.sql.Array percentiles = rs.getArray("percentile_seconds");
        Double[] seconds = percentiles == null ? null : (Double[]) percentiles.getArray();
        return new DecisionTimes(rs.getObject("week", LocalDate.class), rs.getLong("submitted"), rs.getLong("decided"),
                seconds == null ? null : wholeMinutes(seconds[0]), seconds == null ? null : wholeMinutes(seconds[1]),
                rs.getLong("within_24h"), rs.getLong("counted_24h"), rs.getLong("within_48h"),
                rs.getLong("counted_48h"));
    }

    @Override
    public long extensionsWaiting(Collection<UUID> partners) {
        return jdbc.queryForObject("""
                select count(*) from extension_request e join registration r on r.id = e.registration_id
                 where e.status = 'PENDING'""" + scope(partners).replace("partner_id", "r.partner_id"),
                scoped(partners), Long.class);
    }

    @Override
    public List<Month> perMonth(Collection<UUID> partners, YearMonth first, YearMonth last) {
        Map<YearMonth, Month> months = new LinkedHashMap<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.put(month, new Month(month, 0, 0, 0, 0, BigDecimal.ZERO));
        }
        jdbc.query("""
                select month, sum(submitted) as submitted, sum(approved) as approved, sum(rejected) as rejected,
                       sum(won) as won, sum(won_usd) as won_usd
                  from registration_month
                 where month between :first and :last""" + scope(partners) + """

                 group by month""", scoped(partners).addValues(months(first, last).getValues()), rs -> {
            YearMonth month = YearMonth.from(rs.getObject("month", LocalDate.class));
            months.put(month, new Month(month, rs.getLong("submitted"), rs.getLong("approved"),
                    rs.getLong("rejected"), rs.getLong("won"), rs.getBigDecimal("won_usd")));
        });
        return List.copyOf(months.values());
    }

    @Override
    public Map<UUID, BigDecimal> wonUsdByPartner(Collection<UUID> partners, YearMonth first, YearMonth last) {
        Map<UUID, BigDecimal> won = new HashMap<>();
        jdbc.query("""
                select partner_id, sum(won_usd) as won_usd from registration_month
                 where month between :first and :last and won > 0""" + scope(partners) + """

                 group by partner_id""", scoped(partners).addValues(months(first, last).getValues()),
                rs -> {
                    won.put(rs.getObject("partner_id", UUID.class), rs.getBigDecimal("won_usd"));
                });
        return won;
    }

    /**
     * Only the given companies: a semi-join on the ids rather than {@code = any(array)}, which a generic plan checks
     * element by element for every row (a region's thousand companies cost 3 times as much that way).
     */
    private static String scope(Collection<UUID> partners) {
        return partners == null ? "" : " and partner_id in (select unnest(cast(:partners as uuid[])))";
    }

    private static MapSqlParameterSource scoped(Collection<UUID> partners) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        if (partners != null) {
            parameters.addValue("partners", partners.toArray(UUID[]::new));
        }
        return parameters;
    }

    private static MapSqlParameterSource range(Instant from, Instant to) {
        return new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to));
    }

    private static MapSqlParameterSource months(YearMonth first, YearMonth last) {
        return new MapSqlParameterSource("first", Date.valueOf(first.atDay(1))).addValue("last",
                Date.valueOf(last.atDay(1)));
    }

    /** A number of seconds cut to the whole minute, as the trust figures show times; null stays null. */
    private static Duration wholeMinutes(ResultSet rs, String column) throws SQLException {
        double seconds = rs.getDouble(column);
        return rs.wasNull() ? null : wholeMinutes(seconds);
    }

    private static Duration wholeMinutes(double seconds) {
        return Duration.ofMinutes((long) Math.floor(seconds / 60));
    }

}
