package org.dealreg.accounts.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dealreg.accounts.AccountMatch;
import org.dealreg.accounts.DirectAccounts;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matching in one round trip: exact domain, exact normalised name + country (both through b-tree indexes), and
 * trigram similarity within the country ({@code %} with the threshold set for this transaction only). The
 * similar names that can decide a verdict are searched among accounts with an open engagement only, through
 * their own partial trigram index (a tenth of the accounts or less); the others, through the index of all
 * names, after the submission. Of many similar names, engaged accounts come first, so the cap on listed
 * matches can never hide the one that makes the verdict REVIEW.
 */
@Service
class JdbcDirectAccounts implements DirectAccounts {

    static final int MAX_SIMILAR = 10;

    /**
     * Engaged at the submission day: started by then, not ended by then, activity within the lapse. A lateral
     * join, one index probe per account, where an {@code exists} in the select list could be planned as a hashed
     * scan of every engagement.
     */
    private static final String ENGAGED = """
            left join lateral (select true as engaged from engagement e
                                where e.account_id = a.id
                                  and e.started_on <= :asOf
                                  and (e.ended_on is null or e.ended_on > :asOf)
                                  and e.last_activity_on >= :activeSince
                                limit 1) engagement on true""";

    private static final String DECISIVE = """
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
                   %1$s
                  where a.engagement_open and a.country = :country
                    and a.normalised_name %% :name and a.normalised_name <> :name
                  order by engagement.engaged is not null desc, 3 desc
                  limit :maxSimilar)
            )
            select c.kind, c.score, a.id, a.name, a.country, a.owner_id, engagement.engaged is not null as engaged
              from candidates c
              join direct_account a on a.id = c.id
              %1$s
             order by c.score desc, a.name
            """.formatted(ENGAGED);

    /** Without an open engagement an account is not engaged: nothing to compute per row. */
    private static final String OTHER_SIMILAR = """
            select 'SIMILAR_NAME' as kind, similarity(a.normalised_name, :name) as score, a.id, a.name, a.country,
                   a.owner_id, false as engaged
              from direct_account a
             where not a.engagement_open and a.country = :country
               and a.normalised_name % :name and a.normalised_name <> :name
             order by 2 desc, a.name
             limit :limit
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final ProgramSettings settings;

    JdbcDirectAccounts(NamedParameterJdbcTemplate jdbc, ProgramSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    @Transactional
    public List<AccountMatch> decisiveMatches(String normalisedName, String country, String domain, Instant asOf) {
        LocalDate day = asOf.atZone(ZoneOffset.UTC).toLocalDate();
        int lapseDays = settings.integer(Setting.ENGAGEMENT_LAPSE_DAYS);
        similarityThresholdForThisTransaction();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("domain", domain)
                .addValue("country", country)
                .addValue("name", normalisedName)
                .addValue("maxSimilar", MAX_SIMILAR)
                .addValue("asOf", Date.valueOf(day))
                .addValue("activeSince", Date.valueOf(day.minusDays(lapseDays)));
        return jdbc.query(DECISIVE, params, JdbcDirectAccounts::match);
    }

    @Override
    @Transactional
    public List<AccountMatch> otherSimilarNames(String normalisedName, String country, Collection<UUID> alreadyListed) {
        similarityThresholdForThisTransaction();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("country", country)
                .addValue("name", normalisedName)
                .addValue("limit", MAX_SIMILAR + alreadyListed.size());
        return jdbc.query(OTHER_SIMILAR, params, JdbcDirectAccounts::match).stream()
                .filter(m -> !alreadyListed.contains(m.accountId()))
                .limit(MAX_SIMILAR)
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> names(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = new HashMap<>();
        jdbc.query("select id, name from direct_account where id in (:ids)", Map.of("ids", ids),
                rs -> { names.put(rs.getObject("id", UUID.class), rs.getString("name")); });
        return names;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> ownerOf(UUID accountId) {
        return jdbc.queryForList("select owner_id from direct_account where id = :id", Map.of("id", accountId), UUID.class)
                .stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccountName> ownedBy(UUID repId) {
        return jdbc.query("select id, name from direct_account where owner_id = :owner order by name, id",
                Map.of("owner", repId), (rs, n) -> new AccountName(rs.getObject("id", UUID.class), rs.getString("name")));
    }

    /**
     * The threshold {@code %} and its index use, for this transaction only; and generic plans, which use the
     * same indexes (no predicate depends on a value) without planning every check again (a millisecond each).
     */
    private void similarityThresholdForThisTransaction() {
        jdbc.getJdbcTemplate().queryForList("select set_config('pg_trgm.similarity_threshold', ?, true), "
                + "set_config('plan_cache_mode', 'force_generic_plan', true)", settings.value(Setting.WEAK_MATCH_THRESHOLD));
    }

    private static AccountMatch match(ResultSet rs, int row) throws SQLException {
        return new AccountMatch(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("country"),
                rs.getObject("owner_id", UUID.class), AccountMatch.Kind.valueOf(rs.getString("kind")),
                BigDecimal.valueOf(rs.getFloat("score")).setScale(3, RoundingMode.HALF_UP), rs.getBoolean("engaged"));
    }
}
