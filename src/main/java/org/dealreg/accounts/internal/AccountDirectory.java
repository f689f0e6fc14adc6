package org.dealreg.accounts.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.identity.UserAccounts;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.dealreg.shared.CustomerNormaliser;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.Paging;
import org.dealreg.web.Export;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sales rep's ownership look-up: who owns a customer and whether direct sales is engaged. It reads
 * accounts, owners and engagements only — nothing of any partner's registration.
 */
@Service
class AccountDirectory {

    /** Accounts a page of the rep's own, and the matches a search shows at most: a staff-facing list. */
    static final int MAX_RESULTS = 50;
    /** Lower than the conflict check's threshold: a person searching forgives more typos than a verdict should. */
    static final String SEARCH_SIMILARITY = "0.3";

    private final NamedParameterJdbcTemplate jdbc;
    private final DirectAccountRepository accounts;
    private final EngagementRepository engagements;
    private final UserAccounts users;
    private final ProgramSettings settings;
    private final Clock clock;
    private final JpaAccountBook book;

    AccountDirectory(NamedParameterJdbcTemplate jdbc, DirectAccountRepository accounts, EngagementRepository engagements,
            UserAccounts users, ProgramSettings settings, Clock clock, JpaAccountBook book) {
        this.book = book;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.engagements = engagements;
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    record AccountRow(UUID id, String name, String country, Set<String> domains, String ownerName, boolean engaged,
            boolean mine) {
    }

    record AccountDetails(AccountRow account, String crmId, LocalDate engagedSince, LocalDate lastActivity,
            boolean lapsed) {
    }

    /** The best matches of a search, at most {@link #MAX_RESULTS}, and how many accounts match in all. */
    record Found(List<AccountRow> best, long matches) {

        /** More accounts match than are shown: the rep should narrow the search. */
        public boolean capped() {
            return matches > best.size();
        }
    }

    /**
     * One page of the user's own accounts, by name (the id settles a tie), {@link #MAX_RESULTS} a page: PostgreSQL
     * counts and pages them.
     */
    @Transactional(readOnly = true)
    public Page<AccountRow> own(CurrentUser user, int page) {
        Page<UUID> ids = Paging.page(page, MAX_RESULTS,
                () -> jdbc.queryForObject("select count(*) from direct_account where owner_id = :owner",
                        Map.of("owner", user.id()), Long.class),
                (offset, limit) -> jdbc.queryForList("""
                        select id from direct_account where owner_id = :owner order by name, id
                         limit :limit offset :offset""", new MapSqlParameterSource("owner", user.id())
                        .addValue("limit", limit).addValue("offset", offset), UUID.class));
        return new PageImpl<>(rows(ids.getContent(), user), ids.getPageable(), ids.getTotalElements());
    }

    /** One line of the export of a user's own accounts: the page's columns, with the CRM id and the engagement's days. */
    record AccountLine(String name, String crmId, String country, String domains, boolean engaged,
            LocalDate engagedSince, LocalDate lastActivity) {
    }

    /**
     * Every account the user owns, in the list's order (name, id), handed to the sink a row at a time as PostgreSQL
     * sends them (docs/exports.md): one statement, whatever the number of accounts.
     */
    @Transactional(readOnly = true)
    public void exportOwn(CurrentUser user, Consumer<AccountLine> sink) {
        LocalDate today = LocalDate.now(clock);
        LocalDate lapsedBefore = today.minusDays(settings.integer(Setting.ENGAGEMENT_LAPSE_DAYS));
        Export.stream(jdbc.getJdbcOperations(), """
                select a.name, a.crm_id, a.country,
                       array_to_string(array(select d.domain from direct_account_domain d
                                             where d.account_id = a.id order by d.domain), ', ') as domains,
                       e.started_on, e.last_activity_on
                from direct_account a
                left join lateral (select started_on, last_activity_on from engagement e
                                   where e.account_id = a.id and e.ended_on is null and e.started_on <= ?
                                   order by e.last_activity_on desc limit 1) e on true
                where a.owner_id = ?
                order by a.name, a.id""", (rs, n) -> {
                    LocalDate lastActivity = rs.getObject("last_activity_on", LocalDate.class);
                    return new AccountLine(rs.getString("name"), rs.getString("crm_id"), rs.getString("country"),
                            rs.getString("domains"), lastActivity != null && !lastActivity.isBefore(lapsedBefore),
                            rs.getObject("started_on", LocalDate.class), lastActivity);
                }, sink, today, user.id());
    }

    /**
     * Accounts by name (typos forgiven) or domain, the best {@link #MAX_RESULTS} of them, and how many match in all
     * (counted in the same statement: ranking them needs every match anyway). Not paged: see docs/lists.md.
     */
    @Transactional(readOnly = true)
    public Found search(String query, CurrentUser user) {
        String name = CustomerNormaliser.name(query);
        String domain = CustomerNormaliser.domainOfWebsite(query).orElse(query.strip().toLowerCase());
        jdbc.getJdbcTemplate().queryForObject("select set_config('pg_trgm.similarity_threshold', ?, true)",
                String.class, SEARCH_SIMILARITY);
        List<UUID> ids = new ArrayList<>();
        long[] matches = {0};
        // three branches that each use an index: domain prefix, name substring, similar name
        jdbc.query("""
                select id, count(*) over () as matches from (
                    select d.account_id as id, 3.0 as score
                      from direct_account_domain d where d.domain like :domainPrefix escape '\\'
                    union all
                    select a.id, 2.0 + similarity(a.normalised_name, :name)
                      from direct_account a where a.normalised_name like :contains escape '\\'
                    union all
                    select a.id, similarity(a.normalised_name, :name)
                      from direct_account a where a.normalised_name % :name
                ) hits
                group by id
                order by max(score) desc, id
                limit :max
                """, new MapSqlParameterSource("name", name)
                .addValue("domainPrefix", likeEscaped(domain) + "%")
                .addValue("contains", "%" + likeEscaped(name) + "%")
                .addValue("max", MAX_RESULTS), rs -> {
                    ids.add(rs.getObject("id", UUID.class));
                    matches[0] = rs.getLong("matches");
                });
        return new Found(rows(ids, user), matches[0]);
    }

    /**
     * The rows of {@code ids}, in that order, with their domains and whether direct sales is engaged, in one
     * statement (as entities it took one statement per account for its domains, and list queries that Hibernate
     * translates anew on every call); then the owners' names in one more.
     */
    private List<AccountRow> rows(List<UUID> ids, CurrentUser user) {
        if (ids.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate lapsedBefore = today.minusDays(settings.integer(Setting.ENGAGEMENT_LAPSE_DAYS));
        record Found(UUID id, String name, String country, Set<String> domains, UUID ownerId, boolean engaged) {
        }
        Map<UUID, Found> found = new HashMap<>();
        jdbc.query("""
                select a.id, a.name, a.country, a.owner_id,
                       array(select d.domain from direct_account_domain d where d.account_id = a.id order by d.domain) as domains,
                       exists (select 1 from engagement e
                               where e.account_id = a.id and e.ended_on is null and e.started_on <= :today
                                 and e.last_activity_on >= :lapsedBefore) as engaged
                from direct_account a where a.id = any(:ids)""",
                new MapSqlParameterSource("ids", ids.toArray(UUID[]::new)).addValue("today", today)
                        .addValue("lapsedBefore", lapsedBefore),
                rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    found.put(id, new Found(id, rs.getString("name"), rs.getString("country"),
                            new LinkedHashSet<>(List.of((String[]) rs.getArray("domains").getArray())), rs.getObject("owner_id", UUID.class),
                            rs.getBoolean("engaged")));
                });
        Map<UUID, String> owners = users.displayNames(found.values().stream().map(Found::ownerId)
                .collect(Collectors.toSet()));
        return ids.stream().map(found::get).filter(Objects::nonNull)
                .map(a -> new AccountRow(a.id(), a.name(), a.country(), a.domains(), owners.get(a.ownerId()),
                        a.engaged(), a.ownerId().equals(user.id())))
                .toList();
    }

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Transactional(readOnly = true)
    public AccountDetails find(UUID id, CurrentUser user) {
        DirectAccountEntity account = accounts.findById(id).orElseThrow(() -> new NotFound("Account"));
        List<EngagementEntity> open = engagements.findByAccountIdAndEndedOnIsNull(id);
        AccountRow row = row(account, open, ownerNames(List.of(account)), user);
        Optional<EngagementEntity> current = open.stream().findFirst();
        return new AccountDetails(row, account.crmId(), current.map(EngagementEntity::startedOn).orElse(null),
                current.map(EngagementEntity::lastActivityOn).orElse(null), current.isPresent() && !row.engaged());
    }

    /** The owner records being in contact with the customer today. */
    @Transactional
    public void recordContact(UUID id, CurrentUser rep) {
        DirectAccountEntity account = owned(id, rep);
        book.engage(account.id(), rep.id(), LocalDate.now(clock));
    }

    @Transactional
    public void endEngagement(UUID id, CurrentUser rep) {
        DirectAccountEntity account = owned(id, rep);
        LocalDate today = LocalDate.now(clock);
        engagements.findByAccountIdAndEndedOnIsNull(account.id()).forEach(engagement -> engagement.end(today));
    }

    private DirectAccountEntity owned(UUID id, CurrentUser rep) {
        DirectAccountEntity account = accounts.findById(id).orElseThrow(() -> new NotFound("Account"));
        if (rep.role() != Role.SALES_REP || !account.ownerId().equals(rep.id())) {
            throw new NotYourAccount();
        }
        return account;
    }

    private AccountRow row(DirectAccountEntity a, List<EngagementEntity> open, Map<UUID, String> owners, CurrentUser user) {
        LocalDate today = LocalDate.now(clock);
        int lapse = settings.integer(Setting.ENGAGEMENT_LAPSE_DAYS);
        boolean engaged = open.stream().anyMatch(e -> e.activeOn(today, lapse));
        return new AccountRow(a.id(), a.name(), a.country(), a.domains(), owners.get(a.ownerId()), engaged,
                a.ownerId().equals(user.id()));
    }

    private Map<UUID, String> ownerNames(Collection<DirectAccountEntity> found) {
        return users.displayNames(found.stream().map(DirectAccountEntity::ownerId).collect(Collectors.toSet()));
    }
}
