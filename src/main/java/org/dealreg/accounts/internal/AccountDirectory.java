package org.dealreg.accounts.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
import org.dealreg.shared.ListOrder;
import org.dealreg.shared.Paging;
import org.dealreg.shared.SearchText;
import org.dealreg.web.Export;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sales rep's ownership look-up: who owns a customer and whether direct sales is engaged. It reads
 * accounts, owners and engagements only — nothing of any partner's registration.
 */
@Service
class AccountDirectory {

    /** Accounts a page, of the rep's own or of a search's matches: a staff-facing list. */
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

    /** The rep's own list's orders: name (the default), country. */
    static final ListOrder.Columns OWN_ORDERS = ListOrder.columns("a.id")
            .ascending("name", "a.name")
            .ascending("country", "a.country")
            .byDefault("name");

    /** A search's orders: best match first (the default), name, country. */
    static final ListOrder.Columns SEARCH_ORDERS = ListOrder.columns("a.id")
            .descending("match", "h.score")
            .ascending("name", "a.name")
            .ascending("country", "a.country")
            .byDefault("match");

    /**
     * What the accounts list shows: with no search, the user's own accounts; with one, every account whose domain
     * starts with it, whose name contains it or whose name is like it (typos forgiven), best match first
     * (docs/lists.md). {@code order} is one of {@link #OWN_ORDERS} or {@link #SEARCH_ORDERS}, as {@link #of} chooses.
     */
    record ListQuery(SearchText search, ListOrder order) {

        static ListQuery of(String q, String sort, String dir) {
            SearchText search = SearchText.of(q);
            return new ListQuery(search, ListOrder.of(sort, dir, search.isEmpty() ? OWN_ORDERS : SEARCH_ORDERS));
        }
    }

    /**
     * One page of the list, {@link #MAX_RESULTS} a page, and how many rows it has in all: PostgreSQL counts, ranks and
     * pages them (a search ranks every match for each page, as it must to know the best).
     */
    @Transactional(readOnly = true)
    public Page<AccountRow> page(CurrentUser user, ListQuery query, int page) {
        MapSqlParameterSource arguments = new MapSqlParameterSource();
        Source source = source(user, query, arguments);
        Page<UUID> ids = Paging.page(page, MAX_RESULTS,
                () -> jdbc.queryForObject("select count(*) %s %s".formatted(source.from(), source.where()), arguments,
                        Long.class),
                (offset, limit) -> jdbc.queryForList("select a.id %s %s order by %s limit :limit offset :offset"
                        .formatted(source.from(), source.where(), query.order().sql()), new MapSqlParameterSource(arguments.getValues())
                        .addValue("limit", limit).addValue("offset", offset), UUID.class));
        return new PageImpl<>(rows(ids.getContent(), user), ids.getPageable(), ids.getTotalElements());
    }

    /** One line of the export of the list: the page's columns, with the CRM id and the engagement's days. */
    record AccountLine(String name, String crmId, String country, String domains, boolean engaged,
            LocalDate engagedSince, LocalDate lastActivity) {
    }

    /**
     * Every account of the list (the user's own, or a search's matches), in its order, handed to the sink a row at a
     * time as PostgreSQL sends them (docs/exports.md): one statement, whatever the number of accounts.
     */
    @Transactional(readOnly = true)
    public void export(CurrentUser user, ListQuery query, Consumer<AccountLine> sink) {
        LocalDate today = LocalDate.now(clock);
        LocalDate lapsedBefore = today.minusDays(settings.integer(Setting.ENGAGEMENT_LAPSE_DAYS));
        MapSqlParameterSource arguments = new MapSqlParameterSource("today", today);
        Source source = source(user, query, arguments);
        ParsedSql sql = NamedParameterUtils.parseSqlStatement("""
                select a.name, a.crm_id, a.country,
                       array_to_string(array(select d.domain from direct_account_domain d
                                             where d.account_id = a.id order by d.domain), ', ') as domains,
                       e.started_on, e.last_activity_on
                %s
                left join lateral (select started_on, last_activity_on from engagement e
                                   where e.account_id = a.id and e.ended_on is null and e.started_on <= :today
                                   order by e.last_activity_on desc limit 1) e on true
                %s
                order by %s""".formatted(source.from(), source.where(), query.order().sql()));
        Export.stream(jdbc.getJdbcOperations(), NamedParameterUtils.substituteNamedParameters(sql, arguments),
                (rs, n) -> {
                    LocalDate lastActivity = rs.getObject("last_activity_on", LocalDate.class);
                    return new AccountLine(rs.getString("name"), rs.getString("crm_id"), rs.getString("country"),
                            rs.getString("domains"), lastActivity != null && !lastActivity.isBefore(lapsedBefore),
                            rs.getObject("started_on", LocalDate.class), lastActivity);
                }, sink, NamedParameterUtils.buildValueArray(sql, arguments, null));
    }

    /** The list's rows: a {@code from} clause that names each account {@code a}, and its {@code where} clause. */
    private record Source(String from, String where) {
    }

    /**
     * The user's own accounts; or a search's matches ({@code h}, with its score), by three branches that each use an
     * index: domain prefix, name substring, similar name.
     */
    private Source source(CurrentUser user, ListQuery query, MapSqlParameterSource arguments) {
        if (query.search().isEmpty()) {
            arguments.addValue("owner", user.id());
            return new Source("from direct_account a", "where a.owner_id = :owner");
        }
        String typed = query.search().text();
        String name = CustomerNormaliser.name(typed);
        String domain = CustomerNormaliser.domainOfWebsite(typed).orElse(typed.toLowerCase(Locale.ROOT));
        jdbc.getJdbcTemplate().queryForObject("select set_config('pg_trgm.similarity_threshold', ?, true)",
                String.class, SEARCH_SIMILARITY);
        arguments.addValue("name", name)
                .addValue("domainPrefix", SearchText.likeEscaped(domain) + "%")
                .addValue("contains", "%" + SearchText.likeEscaped(name) + "%");
        return new Source("""
                from (select id, max(score) as score from (
                          select d.account_id as id, 3.0 as score
                            from direct_account_domain d where d.domain like :domainPrefix escape '\\'
                          union all
                          select a.id, 2.0 + similarity(a.normalised_name, :name)
                            from direct_account a where a.normalised_name like :contains escape '\\'
                          union all
                          select a.id, similarity(a.normalised_name, :name)
                            from direct_account a where a.normalised_name % :name
                      ) hits group by id) h
                join direct_account a on a.id = h.id""", "");
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
