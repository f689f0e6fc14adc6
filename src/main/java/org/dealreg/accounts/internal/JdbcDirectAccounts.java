package org.dealreg.accounts.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.dealreg.accounts.AccountMatch;
import org.dealreg.accounts.DirectAccounts;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matching in one round trip: exact domain, exact normalised name + country (both through b-tree
 * indexes), and trigram similarity within the country through the GIN trigram index ({@code %} with
 * the threshold set for this transaction only). Of many similar names, engaged accounts come first,
 * so the cap on listed matches can never hide the one that makes the verdict REVIEW.
 */
@Service
class JdbcDirectAccounts implements DirectAccounts {

    static final int MAX_SIMILAR = 10;

    /** Engaged at the submission day: started by then, not ended by then, activity within the lapse. */
    private static final String ENGAGED = """
            exists (select 1 from engagement e
                     where e.account_id = a.id
                       and e.started_on <= :asOf
                       and (e.ended_on is null or e.ended_on > :asOf)
                       and e.last_activity_on >= :activeSince)""";

    private static final String MATCH = """
            with candidates as (
                select d.account_id as id, 'DOMAIN' as kind, 1.0::real as score
                  from direct_account_domain d
                 where d.domain = :domain
                union all
                select a.id, 'NAME', 1.0::real
                  from direct_account a
                 where a.country = :country and a.normalised_name = :name
                union all
                (select a.id, 'SIMILAR_NAME', similarity(a.normalised_name, :name)
                   from direct_account a
                  where a.country = :country and a.normalised_name %% :name and a.normalised_name <> :name
                  order by %1$s desc,
                           similarity(a.normalised_name, :name) desc
                  limit :maxSimilar)
            )
            select c.kind, c.score, a.id, a.name, a.country, a.owner_id,
                   %1$s as engaged
              from candidates c
              join direct_account a on a.id = c.id
             order by c.score desc, a.name
            """.formatted(ENGAGED);

    private final NamedParameterJdbcTemplate jdbc;
    private final ProgramSettings settings;

    JdbcDirectAccounts(NamedParameterJdbcTemplate jdbc, ProgramSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    @Transactional
    public List<AccountMatch> match(String normalisedName, String country, String domain, Instant asOf) {
        LocalDate day = asOf.atZone(ZoneOffset.UTC).toLocalDate();
        int lapseDays = settings.integer(Setting.ENGAGEMENT_LAPSE_DAYS);
        jdbc.getJdbcTemplate().queryForObject("select set_config('pg_trgm.similarity_threshold', ?, true)",
                String.class, settings.value(Setting.WEAK_MATCH_THRESHOLD));
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("domain", domain)
                .addValue("country", country)
                .addValue("name", normalisedName)
                .addValue("maxSimilar", MAX_SIMILAR)
                .addValue("asOf", Date.valueOf(day))
                .addValue("activeSince", Date.valueOf(day.minusDays(lapseDays)));
        return jdbc.query(MATCH, params, (rs, n) -> new AccountMatch(
                rs.getObject("id", java.util.UUID.class), rs.getString("name"), rs.getString("country"),
                rs.getObject("owner_id", java.util.UUID.class), AccountMatch.Kind.valueOf(rs.getString("kind")),
                BigDecimal.valueOf(rs.getFloat("score")).setScale(3, RoundingMode.HALF_UP), rs.getBoolean("engaged")));
    }
}
