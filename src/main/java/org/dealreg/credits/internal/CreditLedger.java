package org.dealreg.credits.internal;

import java.nio.charset.StandardCharsets;

import jakarta.validation.Validator;

import org.dealreg.credits.DirectWins;
import org.dealreg.shared.RulesBroken;

import org.dealreg.shared.FieldProblem;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.dealreg.program.FiscalPeriods;
import org.dealreg.accounts.DirectAccounts;
import org.dealreg.accounts.DirectAccounts.AccountName;
import org.dealreg.conflicts.ConflictReport;
import org.dealreg.conflicts.ConflictReports;
import org.dealreg.credits.CreditSource;
import org.dealreg.credits.RepCredited;
import org.dealreg.identity.CurrentUser;
import org.dealreg.program.ExchangeRates;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.dealreg.registration.RegistrationClosed;
import org.dealreg.shared.ListOrder;
import org.dealreg.shared.Paging;
import org.dealreg.shared.SearchText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.dealreg.web.Export;

/**
 * The reps' credit ledger (DESIGN.md §8). A won deal is credited to the owner of its account, in US dollars, the same
 * whether the rep closed it ({@code DIRECT}) or a partner closed a registration tied to the account ({@code PARTNER}).
 * It reads ids, amounts and dates of a partner's close, never anything the partner typed.
 */
@Service
class CreditLedger implements DirectWins {

    static final int PAGE_SIZE = 50;
    private static final Logger log = LoggerFactory.getLogger(CreditLedger.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final DirectAccounts accounts;
    private final ConflictReports reports;
    private final ExchangeRates rates;
    private final ProgramSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Validator validator;

    CreditLedger(NamedParameterJdbcTemplate jdbc, DirectAccounts accounts, ConflictReports reports, ExchangeRates rates,
            ProgramSettings settings, Clock clock, ApplicationEventPublisher events, Validator validator) {
        this.validator = validator;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.reports = reports;
        this.rates = rates;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    /**
     * A partner's won close credits the current owner of the account its report tied it to; a close tied to no
     * account credits nobody. Runs in the closing transaction. The registration id is unique in the ledger, so a
     * close delivered twice credits once.
     */
    @Transactional
    public void creditPartnerWin(RegistrationClosed closed) {
        if (!closed.won()) {
            return;
        }
        if (closed.amount() == null || closed.amountUsd() == null || closed.amountUsd().signum() <= 0
                || closed.closedOn() == null) {
            log.warn("Registration {} closed won without a positive amount or a close day: nobody credited",
                    closed.registrationId());
            return;
        }
        Optional<UUID> account = reports.find(closed.registrationId())
                .flatMap(report -> AccountTiePolicy.tiedAccount(report.matches()))
                .map(ConflictReport.Match::accountId);
        Optional<UUID> owner = account.flatMap(accounts::ownerOf);
        if (owner.isEmpty()) {
            return;
        }
        RepCredited credit = new RepCredited(UUID.randomUUID(), owner.get(), account.get(), CreditSource.PARTNER,
                closed.amountUsd(), closed.closedOn(), closed.registrationId(), null);
        if (insert(credit, closed.amount(), closed.currency()) == 1) {
            events.publishEvent(credit);
        }
    }

    /**
     * The rep's own win on an account they own, at the rate in force on the day it closed.
     *
     * @return false when this form was recorded already (posted twice): nothing more is stored
     */
    @Transactional
    public boolean recordDirectWin(CurrentUser rep, DirectWinForm form) {
        DirectWinRules.ValidWin win = DirectWinRules.check(form, context(rep));
        RepCredited credit = new RepCredited(submissionId(form.submission()), rep.id(), win.accountId(),
                CreditSource.DIRECT, win.amountUsd(), win.closedOn(), null, rep.id());
        if (insert(credit, win.amount(), win.currency()) == 0) {
            return false;
        }
        events.publishEvent(credit);
        return true;
    }

    /** The CRM's opportunity id names the credit, so the same opportunity sent again is recorded once. */
    @Override
    @Transactional
    public boolean recordFromCrm(String opportunityId, CurrentUser rep, UUID accountId, BigDecimal amount,
            String currency, LocalDate closedOn) {
        if (opportunityId == null || opportunityId.isBlank() || opportunityId.length() > 100) {
            throw RulesBroken.on("opportunityId", "credits.opportunity.invalid");
        }
        DirectWinForm form = new DirectWinForm(accountId == null ? null : accountId.toString(),
                amount == null ? null : amount.toPlainString(), currency, closedOn,
                UUID.nameUUIDFromBytes(("crm-opportunity:" + opportunityId.strip()).getBytes(StandardCharsets.UTF_8))
                        .toString());
        RulesBroken.unlessValid(validator, form);
        return recordDirectWin(rep, form);
    }

    /** The id the form was given; a form without one (posted by hand) gets a fresh one. */
    private static UUID submissionId(String submission) {
        try {
            return submission == null ? UUID.randomUUID() : UUID.fromString(submission);
        } catch (IllegalArgumentException notAnId) {
            return UUID.randomUUID();
        }
    }

    /** Every broken rule of a form that failed its format checks, so the rep sees all of them at once. */
    @Transactional(readOnly = true)
    public List<FieldProblem> problems(CurrentUser rep, DirectWinForm form) {
        return DirectWinRules.problems(form, context(rep));
    }

    @Transactional(readOnly = true)
    public List<AccountName> ownAccounts(CurrentUser rep) {
        return accounts.ownedBy(rep.id());
    }

    /** The rep's day, in their time zone: the direct-win form's default close day. */
    LocalDate today(CurrentUser rep) {
        return LocalDate.ofInstant(clock.instant(), rep.zone());
    }

    /** The list's column headers' orders: closing day (the default, latest first), amount in USD, source. */
    static final ListOrder.Columns ORDERS = ListOrder.columns("recorded_at desc, id")
            .descending("closed", "closed_on")
            .descending("amount", "amount_usd")
            .ascending("source", "source")
            .byDefault("closed");

    /**
     * Which of the rep's credits the list shows: those of one source (null: both) and, with a search, those of the
     * accounts whose name contains it (as the accounts module normalises names), in one of {@link #ORDERS}.
     */
    public record ListQuery(CreditSource source, SearchText search, ListOrder order) {
    }

    @Transactional(readOnly = true)
    public CreditStatement statement(CurrentUser rep, ListQuery query, int page) {
        FiscalPeriods.Current now = new FiscalPeriods(settings.integer(Setting.FISCAL_YEAR_START_MONTH))
                .at(clock.instant(), rep.zone());
        List<Object> arguments = new ArrayList<>();
        String where = where(rep, query, arguments);
        Page<Row> rows = Paging.page(page, PAGE_SIZE, jdbc.getJdbcOperations(),
                "select count(*) from rep_credit where " + where, """
                        select account_id, source, amount, currency, amount_usd, closed_on
                          from rep_credit
                         where %s
                         order by %s
                         limit ? offset ?""".formatted(where, query.order().sql()), CreditLedger::row, arguments);
        Map<UUID, String> names = accounts.names(rows.stream().map(Row::accountId).distinct().toList());
        Page<CreditStatement.Line> lines = rows.map(r -> new CreditStatement.Line(names.get(r.accountId()),
                r.amountUsd(), r.amount(), r.currency(), r.closedOn(), r.source()));
        return new CreditStatement(lines, now.quarter(), now.year(),
                totals(rep.id(), now.quarter()), totals(rep.id(), now.year()));
    }

    /**
     * Every credit of the rep that the list's query keeps, in its order, handed to the sink as PostgreSQL sends them
     * (docs/exports.md); the accounts' names are asked of the accounts module a fetch at a time, so memory does not
     * grow with the rows.
     */
    @Transactional(readOnly = true)
    public void exportOwn(CurrentUser rep, ListQuery query, Consumer<CreditStatement.Line> sink) {
        List<Object> arguments = new ArrayList<>();
        String where = where(rep, query, arguments);
        Export.<Row>inBatches(rows -> Export.stream(jdbc.getJdbcOperations(), """
                select account_id, source, amount, currency, amount_usd, closed_on
                  from rep_credit
                 where %s
                 order by %s""".formatted(where, query.order().sql()), CreditLedger::row, rows, arguments.toArray()),
                batch -> named(batch, sink));
    }

    /**
     * The rep's credits the query keeps. A search asks the accounts module which of the accounts the rep's credits
     * name match it (the credited accounts are the rep's few, not the whole book): one statement here, one there.
     */
    private String where(CurrentUser rep, ListQuery query, List<Object> arguments) {
        StringBuilder where = new StringBuilder("rep_id = ?");
        arguments.add(rep.id());
        if (query.source() != null) {
            where.append(" and source = ?");
            arguments.add(query.source().name());
        }
        if (!query.search().isEmpty()) {
            List<UUID> credited = jdbc.queryForList("select distinct account_id from rep_credit where rep_id = :rep",
                    Map.of("rep", rep.id()), UUID.class);
            where.append(" and account_id = any(?::uuid[])");
            arguments.add(accounts.namedLike(query.search(), credited).stream().map(UUID::toString)
                    .toArray(String[]::new));
        }
        return where.toString();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getObject("account_id", UUID.class), CreditSource.valueOf(rs.getString("source")),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getBigDecimal("amount_usd"),
                rs.getObject("closed_on", LocalDate.class));
    }

    private void named(List<Row> rows, Consumer<CreditStatement.Line> sink) {
        Map<UUID, String> names = accounts.names(rows.stream().map(Row::accountId).distinct().toList());
        rows.forEach(r -> sink.accept(new CreditStatement.Line(names.get(r.accountId()), r.amountUsd(), r.amount(),
                r.currency(), r.closedOn(), r.source())));
    }

    private record Row(UUID accountId, CreditSource source, BigDecimal amount, String currency, BigDecimal amountUsd,
            LocalDate closedOn) {
    }

    private CreditStatement.Totals totals(UUID repId, FiscalPeriods.Period period) {
        Map<String, BigDecimal> bySource = new HashMap<>();
        jdbc.query("""
                select source, sum(amount_usd) as total
                  from rep_credit
                 where rep_id = :rep and closed_on between :first and :last
                 group by source""",
                new MapSqlParameterSource("rep", repId).addValue("first", Date.valueOf(period.first()))
                        .addValue("last", Date.valueOf(period.last())),
                rs -> { bySource.put(rs.getString("source"), rs.getBigDecimal("total")); });
        return new CreditStatement.Totals(bySource.getOrDefault(CreditSource.DIRECT.name(), BigDecimal.ZERO),
                bySource.getOrDefault(CreditSource.PARTNER.name(), BigDecimal.ZERO));
    }

    /** One row, or none when this registration was credited already; answers how many. */
    private int insert(RepCredited credit, BigDecimal amount, String currency) {
        return jdbc.update("""
                insert into rep_credit (id, rep_id, account_id, source, amount, currency, amount_usd, closed_on,
                                        registration_id, recorded_by)
                values (:id, :rep, :account, :source, :amount, :currency, :amountUsd, :closedOn, :registration, :recordedBy)
                on conflict do nothing""",
                new MapSqlParameterSource("id", credit.creditId())
                        .addValue("rep", credit.repId())
                        .addValue("account", credit.accountId())
                        .addValue("source", credit.source().name())
                        .addValue("amount", amount)
                        .addValue("currency", currency)
                        .addValue("amountUsd", credit.amountUsd())
                        .addValue("closedOn", Date.valueOf(credit.closedOn()))
                        .addValue("registration", credit.registrationId())
                        .addValue("recordedBy", credit.recordedBy()));
    }

    private DirectWinRules.Context context(CurrentUser rep) {
        return new DirectWinRules.Context(rep.id(), today(rep), accounts::ownerOf, rates::usdPerUnit);
    }
}
