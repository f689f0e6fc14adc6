package org.dealreg.reports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dealreg.shared.DatabaseClock;
import org.dealreg.program.Regions;
import org.dealreg.reports.internal.TrustDashboard.RegionFigures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme's trust figures over the last 30 days, from the registrations as stored. It reads only ids, status
 * and times (nothing a partner typed) and leaves the counting to {@link TrustFiguresPolicy}.
 */
@Service
class TrustFiguresService {

    static final Duration PERIOD = Duration.ofDays(30);

    private final JdbcTemplate jdbc;
    private final Regions regions;
    private final DatabaseClock databaseClock;

    TrustFiguresService(JdbcTemplate jdbc, Regions regions, DatabaseClock databaseClock) {
        this.databaseClock = databaseClock;
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /** Registrations submitted in the 30 days before now, by the database's clock like every time the portal stores. */
    @Transactional(readOnly = true)
    public TrustDashboard lastThirtyDays() {
        Instant now = databaseClock.now();
        Instant from = now.minus(PERIOD);
        List<RegistrationOutcome> outcomes = jdbc.query("""
                select p.region_code, r.status, r.submitted_at, r.decided_at, r.decided_by is null as by_programme
                  from registration r
                  join partner p on p.id = r.partner_id
                 where r.submitted_at >= ? and r.submitted_at <= ?""",
                (rs, n) -> outcome(rs, now), utc(from), utc(now));
        Map<String, List<RegistrationOutcome>> byRegion = outcomes.stream()
                .collect(Collectors.groupingBy(RegistrationOutcome::regionCode));
        List<RegionFigures> perRegion = regions.all().stream()
                .map(region -> new RegionFigures(region.code(),
                        TrustFiguresPolicy.figures(byRegion.getOrDefault(region.code(), List.of()))))
                .toList();
        return new TrustDashboard(from, now, perRegion, TrustFiguresPolicy.figures(outcomes));
    }

    private static RegistrationOutcome outcome(ResultSet rs, Instant now) throws SQLException {
        String region = rs.getString("region_code");
        Instant submitted = rs.getObject("submitted_at", OffsetDateTime.class).toInstant();
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        if (decided != null) {
            RegistrationOutcome.Kind kind = rs.getBoolean("by_programme")
                    ? RegistrationOutcome.Kind.DECIDED_BY_PROGRAMME
                    : RegistrationOutcome.Kind.DECIDED_BY_MANAGER;
            return new RegistrationOutcome(region, kind, Duration.between(submitted, decided.toInstant()));
        }
        if ("SUBMITTED".equals(rs.getString("status"))) {
            return new RegistrationOutcome(region, RegistrationOutcome.Kind.WAITING, Duration.between(submitted, now));
        }
        // a registration leaves SUBMITTED without a decision only when its partner withdraws it
        return new RegistrationOutcome(region, RegistrationOutcome.Kind.WITHDRAWN, Duration.ZERO);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
