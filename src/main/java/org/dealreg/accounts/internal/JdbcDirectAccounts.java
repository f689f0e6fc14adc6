package org.dealreg.accounts.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dealreg.accounts.AccountMatch;
import org.dealreg.accounts.DirectAccounts;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.dealreg.shared.CustomerNormaliser;
import org.dealreg.shared.SearchText;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matching in one round trip: exact domain, exact normalised name + country (both through b-tree indexes), and
 * similar names within the country. A similar name is a trigram similarity at or above the threshold ({@code %} with
 * the threshold set for this transaction only), or a one-word name typed with a mistake or two
 * ({@link TypoMatchPolicy}), whose few candidates come from a trigram index of one-word names (word similarity
 * {@code %>} at a low threshold, then Levenshtein distance). The similar names that can decide a verdict are searched
 * among accounts with an open engagement only: their candidates come from this node's copy of those names
 * ({@link EngagedNames}) and from the accounts changed since the copy's snapshot, and the query applies the rules to
 * their rows as they are now. The others are searched after the submission, through partial trigram indexes. Of many similar names, engaged accounts come first, so the cap on listed matches
 * can never hide the one that makes the verdict REVIEW; typo candidates are capped too (engaged first, then fewest
 * edits), and only the rare candidate within the edits but beyond the rule (two letters replaced in a five-letter
 * name) can take a place.
 */
@Service
class JdbcDirectAccounts implements DirectAccounts {

    static final int MAX_SIMILAR = 10;
    /** Two typing mistakes are at most four Levenshtein edits (two swapped pairs of letters). */
    static final int MAX_EDITS = 4;
    /** Candidates for a typo, fewest edits first; {@link TypoMatchPolicy} then keeps those it accepts. */
    static final int MAX_TYPO_CANDIDATES = 20;
    /**
     * The word similarity a typo candidate must reach. One typing mistake in a word of four letters or more keeps at
     * least a fifth of its trigrams: the worst case is two neighbours swapped in a short word ("wnoka", "wonka": 0.2).
     */
    static final double TYPO_SIMILARITY = 0.2;

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

    /**
     * A one-word name {@code %1$s} of 4 letters or more within the Levenshtein edits {@link TypoMatchPolicy} may accept
     * of a one-word customer name (two for a mistake, four for two). A customer name of several words, or under 4
     * letters, skips the search (a condition on the parameter alone). Both searches for typos use it.
     */
    private static final String WITHIN_TYPO_EDITS = """
            position(' ' in %1$s) = 0 and position(' ' in :name) = 0 and length(:name) >= :shortest
            and levenshtein_less_equal(%1$s, :name, :maxEdits)
                <= case when least(length(%1$s), length(:name)) >= :twoMistakesFrom then :maxEdits
                        when least(length(%1$s), length(:name)) >= :shortest then :maxEdits / 2
                        else -1 end""";

    /**
     * The decisive matches without a trigram index scan: the similar names and typos are searched among the rows of
     * the candidates this node's copy of the engaged names found ({@code :candidates}) and of every account changed in
     * a transaction the copy's snapshot does not see ({@code engaged_names_changed_since}, planned for that snapshot),
     * with the same rules as before, on the rows as they are now. The thresholds are parameters rather than {@code %} and {@code %>}, which read them
     * from settings of the session (compared the same way: a {@code real} similarity against a {@code double}).
     */
    private static final String DECISIVE = """
            with ids as (
                select unnest(cast(:candidates as uuid[])) as id
                union
                select engaged_names_changed_since(cast(:copyXmin as xid8), cast(:copySnapshot as pg_snapshot))),
            engaged_names as materialized (
                select a.id, a.normalised_name, engagement.engaged is not null as engaged
                  from ids
                  join direct_account a on a.id = ids.id
                  %1$s
                 where a.engagement_open and a.country = :country and a.normalised_name <> :name),
            candidates as (
                select d.account_id as id, 'DOMAIN' as kind, 1.0::real as score
                  from direct_account_domain d
                 where d.domain = :domain
                union all
                select a.id, 'NAME', 1.0::real
                  from direct_account a
                 where a.country = :country and a.normalised_name = :name
                union all
                (select n.id, 'SIMILAR_NAME', similarity(n.normalised_name, :name)
                   from engaged_names n
                  where similarity(n.normalised_name, :name) >= :threshold
                  order by n.engaged desc, 3 desc
                  limit :maxSimilar)
                union all
                (select n.id, 'TYPO', levenshtein_less_equal(n.normalised_name, :name, :maxEdits)::real
                   from engaged_names n
                  where word_similarity(:name, n.normalised_name) >= :typoSimilarity and %2$s
                  order by n.engaged desc, 3, n.id
                  limit :maxTypoCandidates)
            )
            select c.kind, c.score, a.id, a.name, a.normalised_name, a.country, a.owner_id,
                   engagement.engaged is not null as engaged
              from candidates c
              join direct_account a on a.id = c.id
              %1$s
             order by c.kind = 'TYPO', c.score desc, a.name
            """.formatted(ENGAGED, WITHIN_TYPO_EDITS.formatted("n.normalised_name"));

    /** Without an open engagement an account is not engaged: nothing to compute per row. */
    private static final String OTHER_SIMILAR = """
            select c.kind, c.score, a.id, a.name, a.normalised_name, a.country, a.owner_id, false as engaged
              from ((select a.id, 'SIMILAR_NAME' as kind, similarity(a.normalised_name, :name) as score
                       from direct_account a
                      where not a.engagement_open and a.country = :country
                        and a.normalised_name %% :name and a.normalised_name <> :name
                      order by 3 desc, a.name
                      limit :limit)
                    union all
                    (select a.id, 'TYPO', levenshtein_less_equal(a.normalised_name, :name, :maxEdits)::real
                       from direct_account a
                      where not a.engagement_open and a.country = :country
                        and a.normalised_name %%> :name and a.normalised_name <> :name and %s
                      order by 3, a.id
                      limit :maxTypoCandidates)) c
              join direct_account a on a.id = c.id
             order by c.kind = 'TYPO', c.score desc, a.name
            """.formatted(WITHIN_TYPO_EDITS.formatted("a.normalised_name"));

    private static final Map<String, Object> TYPO_PARAMETERS = Map.of("maxEdits", MAX_EDITS,
            "maxTypoCandidates", MAX_TYPO_CANDIDATES, "shortest", TypoMatchPolicy.SHORTEST,
            "twoMistakesFrom", TypoMatchPolicy.TWO_MISTAKES_FROM);

    private final NamedParameterJdbcTemplate jdbc;
    private final ProgramSettings settings;
    private final EngagedNames engagedNames;

    JdbcDirectAccounts(NamedParameterJdbcTemplate jdbc, ProgramSettings settings, EngagedNames engagedNames) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.engagedNames = engagedNames;
    }

    @Override
    @Transactional
    public List<AccountMatch> decisiveMatches(String normalisedName, String country, String domain, Instant asOf) {
        LocalDate day = asOf.atZone(ZoneOffset.UTC).toLocalDate();
        int lapseDays = settings.integer(Setting.ENGAGEMENT_LAPSE_DAYS);
        double threshold = Double.parseDouble(settings.value(Setting.WEAK_MATCH_THRESHOLD));
        EngagedNames.Candidates candidates = engagedNames.candidates(normalisedName, country, threshold);
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("domain", domain)
                .addValue("country", country)
                .addValue("name", normalisedName)
                .addValue("threshold", threshold)
                .addValue("typoSimilarity", TYPO_SIMILARITY)
                .addValue("candidates", uuidArray(candidates.ids()))
                .addValue("copyXmin", candidates.snapshot().xmin())
                .addValue("copySnapshot", candidates.snapshot().text())
                .addValue("maxSimilar", MAX_SIMILAR)
                .addValues(TYPO_PARAMETERS)
                .addValue("asOf", Date.valueOf(day))
                .addValue("activeSince", Date.valueOf(day.minusDays(lapseDays)));
        return matches(DECISIVE, params, normalisedName, Set.of());
    }

    @Override
    @Transactional
    public List<AccountMatch> otherSimilarNames(String normalisedName, String country, Collection<UUID> alreadyListed) {
        similarityThresholdForThisTransaction();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("country", country)
                .addValue("name", normalisedName)
                .addValue("limit", MAX_SIMILAR + alreadyListed.size())
                .addValues(TYPO_PARAMETERS);
        return matches(OTHER_SIMILAR, params, normalisedName, Set.copyOf(alreadyListed)).stream()
                .sorted(Comparator.comparing(AccountMatch::score).reversed().thenComparing(AccountMatch::accountName))
                .limit(MAX_SIMILAR)
                .toList();
    }

    /**
     * The rows of {@code sql} as matches, leaving out {@code alreadyListed}: each as it is, except the typo candidates
     * (which come last), kept as similar names when {@link TypoMatchPolicy} accepts them and the account is not listed
     * already.
     */
    private List<AccountMatch> matches(String sql, MapSqlParameterSource params, String normalisedName,
            Set<UUID> alreadyListed) {
        List<AccountMatch> matches = new ArrayList<>();
        Set<UUID> listed = new HashSet<>(alreadyListed);
        jdbc.query(sql, params, (RowCallbackHandler) rs -> {
            UUID id = rs.getObject("id", UUID.class);
            if (!rs.getString("kind").equals("TYPO")) {
                if (!alreadyListed.contains(id)) {
                    matches.add(match(rs, AccountMatch.Kind.valueOf(rs.getString("kind")), score(rs)));
                    listed.add(id);
                }
            } else if (!listed.contains(id)) {
                Optional<BigDecimal> typo = TypoMatchPolicy.score(rs.getString("normalised_name"), normalisedName);
                if (typo.isPresent()) {
                    matches.add(match(rs, AccountMatch.Kind.SIMILAR_NAME, typo.get()));
                    listed.add(id);
                }
            }
        });
        return matches;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> namedLike(SearchText search, Collection<UUID> among) {
        String name = CustomerNormaliser.name(search.text());
        if (among.isEmpty() || name.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(
                "select id from direct_account where id = any(:ids) and normalised_name like :contains escape '\\'",
                new MapSqlParameterSource("ids", among.toArray(UUID[]::new))
                        .addValue("contains", "%" + SearchText.likeEscaped(name) + "%"), UUID.class));
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
    public Map<UUID, String> crmIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> crmIds = new HashMap<>();
        jdbc.query("select id, crm_id from direct_account where id in (:ids)", Map.of("ids", ids),
                rs -> { crmIds.put(rs.getObject("id", UUID.class), rs.getString("crm_id")); });
        return crmIds;
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
     * The thresholds {@code %} and {@code %>} and their indexes use, for this transaction only; and generic plans,
     * which use the same indexes (no predicate depends on a value) without planning every check again (a millisecond
     * each).
     */
    private void similarityThresholdForThisTransaction() {
        jdbc.getJdbcTemplate().queryForList("select set_config('pg_trgm.similarity_threshold', ?, true), "
                + "set_config('pg_trgm.word_similarity_threshold', ?, true), "
                + "set_config('plan_cache_mode', 'force_generic_plan', true)", settings.value(Setting.WEAK_MATCH_THRESHOLD),
                String.valueOf(TYPO_SIMILARITY));
    }

    private static SqlTypeValue uuidArray(List<UUID> ids) {
        return new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(Connection connection, int sqlType, String typeName) throws SQLException {
                return connection.createArrayOf("uuid", ids.toArray());
            }
        };
    }

    private static AccountMatch match(ResultSet rs, AccountMatch.Kind kind, BigDecimal score) throws SQLException {
        return new AccountMatch(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("country"),
                rs.getObject("owner_id", UUID.class), kind, score, rs.getBoolean("engaged"));
    }

    private static BigDecimal score(ResultSet rs) throws SQLException {
        return BigDecimal.valueOf(rs.getFloat("score")).setScale(3, RoundingMode.HALF_UP);
    }
}
