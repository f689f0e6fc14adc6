package org.dealreg.dashboards.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dealreg.accounts.RepAccountFigures;
import org.dealreg.credits.CreditFigures;
import org.dealreg.credits.CreditSource;
import org.dealreg.dashboards.internal.Dashboard.Chart;
import org.dealreg.dashboards.internal.Dashboard.Figure;
import org.dealreg.dashboards.internal.Dashboard.Filters;
import org.dealreg.dashboards.internal.Dashboard.Series;
import org.dealreg.identity.CurrentUser;
import org.dealreg.joining.WaitingApplications;
import org.dealreg.partners.PartnerStatus;
import org.dealreg.partners.PartnerSummary;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.Partners;
import org.dealreg.partners.SpecializationView;
import org.dealreg.partners.Specializations;
import org.dealreg.partners.Tier;
import org.dealreg.partners.TierBenefits;
import org.dealreg.program.FiscalPeriods;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.RegionView;
import org.dealreg.program.Regions;
import org.dealreg.program.Setting;
import org.dealreg.registration.RegistrationFigures;
import org.dealreg.registration.RegistrationFigures.Approvals;
import org.dealreg.registration.RegistrationFigures.DecisionTimes;
import org.dealreg.registration.RegistrationFigures.Pending;
import org.dealreg.registration.RegistrationStatus;
import org.dealreg.shared.NotFound;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each role's dashboard from the owning modules' figures, scoped before anything is read: a partner's from its own
 * company's id only, a rep's from their own id only (their accounts and credits, no registration at all), staff's
 * over the companies the region and tier filters keep. Days are the reader's, in their time zone.
 */
@Service
class Dashboards {

    /** Registrations whose protection ends this soon count as expiring; engagements this soon as lapsing. */
    static final int SOON_DAYS = 14;
    /** The trust figures are over the last 30 days, as on the trust page. */
    static final Duration TRUST_PERIOD = Duration.ofDays(30);
    static final int TOP_PARTNERS = 10;
    private static final DecisionTimes NOTHING_SUBMITTED = new DecisionTimes(null, 0, 0, null, null, 0, 0, 0, 0);
    private static final Map<String, String> VERDICTS = Map.of("CLEAR", "verdict.short.CLEAR", "REVIEW",
            "verdict.short.REVIEW", "CONFLICT", "verdict.short.CONFLICT");

    private final RegistrationFigures registrations;
    private final Partners partners;
    private final Specializations specializations;
    private final RepAccountFigures accounts;
    private final CreditFigures credits;
    private final WaitingApplications applications;
    private final Regions regions;
    private final ProgramSettings settings;
    private final MessageSource messages;
    private final Clock clock;
    /**
     * A region's published trust figures, as a partner's dashboard shows them: the same for every company of the
     * region, so each node computes them at most once a minute per region (they cover 30 days; reading them costs a
     * pass over the region's month of registrations and its list of companies).
     */
    private final Cache<String, DecisionTimes> publishedTrust = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(1_000).build();

    Dashboards(RegistrationFigures registrations, Partners partners, Specializations specializations,
            RepAccountFigures accounts, CreditFigures credits, WaitingApplications applications, Regions regions,
            ProgramSettings settings, MessageSource messages, Clock clock) {
        this.registrations = registrations;
        this.partners = partners;
        this.specializations = specializations;
        this.accounts = accounts;
        this.credits = credits;
        this.applications = applications;
        this.regions = regions;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    /** The filters a reader asked for; null fields take each dashboard's defaults. */
    record Asked(LocalDate from, LocalDate to, String region, Tier tier) {
    }

    @Transactional(readOnly = true)
    public Dashboard of(CurrentUser user, Asked asked, Locale locale) {
        Texts texts = new Texts(messages, locale);
        return switch (user.role()) {
            case PARTNER_USER, PARTNER_ADMIN -> partner(user, asked, texts);
            case CHANNEL_MANAGER -> manager(user, asked, texts);
            case SALES_REP -> rep(user, texts);
            case PROGRAM_ADMIN -> admin(user, asked, texts);
        };
    }

    private Dashboard partner(CurrentUser user, Asked asked, Texts texts) {
        PartnerView partner = partners.find(user.partnerId()).orElseThrow(() -> new NotFound("partner"));
        LocalDate today = today(user);
        Range range = range(asked, today.minusYears(1).plusDays(1), today, user.zone());
        List<UUID> own = List.of(partner.id());

        List<RegistrationFigures.StatusLine> pipeline = registrations.pipeline(partner.id(), range.start, range.end);
        RegistrationFigures.Decisions decisions = registrations.decisions(partner.id(), range.start, range.end);
        long expiring = registrations.protectionEndingWithin(partner.id(), clock.instant(), Duration.ofDays(SOON_DAYS));
        long open = registrations.open(partner.id());
        int cap = TierBenefits.of(partner.tier(), settings).openRegistrationCap();
        FiscalPeriods.Period year = fiscal().yearOf(today);
        Map<String, BigDecimal> won = registrations.wonUsdBySpecialization(own, year.first(), year.last());
        String region = partner.regionCode();
        DecisionTimes regionTrust = publishedTrust.get(region, code -> trustByRegion(partners.summaries(),
                List.of(code), clock.instant()).getOrDefault(code, NOTHING_SUBMITTED));

        List<Figure> figures = List.of(
                new Figure("approvalRate", texts.text("dashboard.approvalRate"),
                        texts.share(decisions.approved(), decisions.decided())),
                new Figure("medianDecisionTime", texts.text("dashboard.medianDecisionTime"),
                        texts.duration(decisions.medianTime())),
                new Figure("expiringSoon", texts.text("dashboard.expiringSoon", SOON_DAYS), texts.count(expiring)),
                new Figure("openAgainstCap", texts.text("dashboard.openAgainstCap"),
                        texts.text("trust.outOf", texts.count(open), texts.count(cap))),
                new Figure("regionMedianDecisionTime", texts.text("dashboard.regionMedianDecisionTime", region),
                        texts.duration(regionTrust.median())),
                new Figure("regionWithin24h", texts.text("dashboard.regionWithin24h", region),
                        texts.share(regionTrust.within24h(), regionTrust.counted24h())),
                new Figure("regionWithin48h", texts.text("dashboard.regionWithin48h", region),
                        texts.share(regionTrust.within48h(), regionTrust.counted48h())));

        List<String> statuses = pipeline.stream().map(line -> texts.text("status." + line.status())).toList();
        Chart count = new Chart("pipelineCount", texts.text("dashboard.chart.pipelineCount"), "bar",
                texts.text("dashboard.status"), statuses, List.of(new Series(texts.text("dashboard.registrations"), 0,
                        numbers(pipeline, RegistrationFigures.StatusLine::count))));
        Chart value = new Chart("pipelineValue", texts.text("dashboard.chart.pipelineValue"), "bar",
                texts.text("dashboard.status"), statuses, List.of(new Series(texts.text("dashboard.valueUsd"), 0,
                        numbers(pipeline, RegistrationFigures.StatusLine::valueUsd))));

        List<SpecializationView> shown = specializations.active().stream()
                .filter(s -> partner.specializationCodes().contains(s.code()) || won.containsKey(s.code())).toList();
        if (shown.isEmpty()) {
            shown = specializations.active();
        }
        String target = partner.tier() == Tier.CERTIFIED ? "dashboard.objectiveUsd" : "dashboard.neededForCertifiedUsd";
        Chart progress = new Chart("wonBySpecialization",
                texts.text("dashboard.chart.wonBySpecialization", year.first(), year.last()), "bar",
                texts.text("dashboard.specialization"), shown.stream().map(s -> s.name(texts.locale)).toList(),
                List.of(new Series(texts.text("dashboard.wonUsd"), 0,
                                numbers(shown, s -> won.getOrDefault(s.code(), BigDecimal.ZERO))),
                        new Series(texts.text(target), 0, numbers(shown, SpecializationView::objectiveUsd))));
        return new Dashboard("partner", new Filters(range.first, range.last, null, null, List.of(), List.of()),
                figures, List.of(count, value, progress));
    }

    private Dashboard manager(CurrentUser user, Asked asked, Texts texts) {
        LocalDate today = today(user);
        Range range = range(asked, today.minusWeeks(12).plusDays(1), today, user.zone());
        String region = knownRegion(asked.region());
        Set<UUID> scope = region == null ? null : partners.idsInRegion(region);
        Instant now = clock.instant();
        Map<UUID, PartnerSummary> companies = companies();
        List<String> regionCodes = region == null ? regionCodes() : List.of(region);

        List<Pending> pending = registrations.pendingByPartner(scope, now);
        Map<String, long[]> queue = new LinkedHashMap<>();
        regionCodes.forEach(code -> queue.put(code, new long[3]));
        for (Pending p : pending) {
            long[] load = queue.computeIfAbsent(regionOf(companies, p.partnerId()), code -> new long[3]);
            load[0] += p.onTime();
            load[1] += p.dueSoon();
            load[2] += p.overdue();
        }
        Chart queueChart = new Chart("queueByRegion", texts.text("dashboard.chart.queueByRegion"), "stacked",
                texts.text("dashboard.region"), List.copyOf(queue.keySet()), List.of(
                        new Series(texts.text("dashboard.onTime"), 0, column(queue.values(), 0)),
                        new Series(texts.text("dashboard.dueSoon"), 0, column(queue.values(), 1)),
                        new Series(texts.text("dashboard.overdue"), 0, column(queue.values(), 2))));

        RegistrationFigures.DecisionFigures decided = registrations.decisionFigures(scope, range.start, range.end, now,
                user.zone());
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        for (LocalDate day = range.first; !day.isAfter(range.last); day = day.plusDays(1)) {
            days.put(day, new long[2]);
        }
        decided.days().forEach(d -> {
            long[] counts = days.computeIfAbsent(d.day(), day -> new long[2]);
            counts[0] = d.approved();
            counts[1] = d.rejected();
        });
        Chart perDay = new Chart("decisionsPerDay", texts.text("dashboard.chart.decisionsPerDay"), "stacked",
                texts.text("dashboard.day"), days.keySet().stream().map(LocalDate::toString).toList(), List.of(
                        new Series(texts.text("dashboard.approved"), 0, column(days.values(), 0)),
                        new Series(texts.text("dashboard.rejected"), 0, column(days.values(), 1))));

        List<DecisionTimes> weeks = decided.weeks();
        List<String> weekLabels = weeks.stream().map(w -> w.week().toString()).toList();
        Chart times = new Chart("decisionTimesPerWeek", texts.text("dashboard.chart.decisionTimesPerWeek"), "line",
                texts.text("dashboard.week"), weekLabels, List.of(
                        new Series(texts.text("dashboard.medianHours"), 1, numbers(weeks, w -> hours(w.median()))),
                        new Series(texts.text("dashboard.p95Hours"), 1, numbers(weeks, w -> hours(w.p95())))));
        Chart within = new Chart("withinPromisePerWeek", texts.text("dashboard.chart.withinPromisePerWeek"), "line",
                texts.text("dashboard.week"), weekLabels, List.of(
                        new Series(texts.text("dashboard.within24h"), 1,
                                numbers(weeks, w -> percent(w.within24h(), w.counted24h()))),
                        new Series(texts.text("dashboard.within48h"), 1,
                                numbers(weeks, w -> percent(w.within48h(), w.counted48h())))));

        List<Approvals> approvals = decided.approvals();
        Chart byVerdict = approvalChart("approvalByVerdict", texts, "dashboard.verdict",
                List.of("CLEAR", "REVIEW", "CONFLICT"), code -> texts.text(VERDICTS.get(code)), approvals,
                Approvals::verdict);
        Chart byRegion = approvalChart("approvalByRegion", texts, "dashboard.region", regionCodes, code -> code,
                approvals, a -> regionOf(companies, a.partnerId()));
        Map<UUID, long[]> perPartner = totals(approvals, Approvals::partnerId);
        List<UUID> busiest = perPartner.entrySet().stream()
                .sorted(Comparator.<Map.Entry<UUID, long[]>>comparingLong(e -> -(e.getValue()[0] + e.getValue()[1]))
                        .thenComparing(e -> nameOf(companies, e.getKey())))
                .limit(TOP_PARTNERS).map(Map.Entry::getKey).toList();
        Chart byPartner = approvalChart("approvalByPartner", texts, "dashboard.partner", busiest.stream()
                .map(UUID::toString).toList(), id -> nameOf(companies, UUID.fromString(id)), approvals,
                a -> a.partnerId().toString());

        DecisionTimes overall = decided.overall();
        long waiting = pending.stream().mapToLong(p -> p.onTime() + p.dueSoon() + p.overdue()).sum();
        long overdue = pending.stream().mapToLong(Pending::overdue).sum();
        List<Figure> figures = List.of(
                new Figure("waiting", texts.text("dashboard.waiting"), texts.count(waiting)),
                new Figure("overdue", texts.text("dashboard.overdueNow"), texts.count(overdue)),
                new Figure("extensionsWaiting", texts.text("dashboard.extensionsWaiting"),
                        texts.count(registrations.extensionsWaiting(scope))),
                new Figure("medianDecisionTime", texts.text("dashboard.medianDecisionTime"),
                        texts.duration(overall.median())),
                new Figure("p95DecisionTime", texts.text("dashboard.p95DecisionTime"), texts.duration(overall.p95())),
                new Figure("within24h", texts.text("dashboard.within24h"),
                        texts.share(overall.within24h(), overall.counted24h())),
                new Figure("within48h", texts.text("dashboard.within48h"),
                        texts.share(overall.within48h(), overall.counted48h())));
        return new Dashboard("manager", new Filters(range.first, range.last, region, null, regionCodes(), List.of()),
                figures, List.of(queueChart, perDay, times, within, byVerdict, byRegion, byPartner));
    }

    private Dashboard rep(CurrentUser user, Texts texts) {
        FiscalPeriods.Current now = fiscal().at(clock.instant(), user.zone());
        Map<CreditSource, BigDecimal> quarter = credits.totals(user.id(), now.quarter().first(), now.quarter().last());
        RepAccountFigures.Figures own = accounts.of(user.id(), now.today(), SOON_DAYS);
        BigDecimal total = quarter.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);

        List<Figure> figures = List.of(
                new Figure("owned", texts.text("dashboard.accountsOwned"), texts.count(own.owned())),
                new Figure("engaged", texts.text("dashboard.accountsEngaged"), texts.count(own.engaged())),
                new Figure("lapsingSoon", texts.text("dashboard.lapsingSoon", SOON_DAYS),
                        texts.count(own.lapsingSoon().size())),
                new Figure("creditsQuarter", texts.text("dashboard.creditsQuarter"), texts.usd(total)));
        List<CreditSource> sources = List.of(CreditSource.values());
        Chart bySource = new Chart("creditsBySource",
                texts.text("dashboard.chart.creditsBySource", now.quarter().first(), now.quarter().last()), "pie",
                texts.text("credits.source"), sources.stream().map(s -> texts.text("credits.source." + s)).toList(),
                List.of(new Series(texts.text("dashboard.creditsUsd"), 0, numbers(sources, quarter::get))));
        Chart lapsing = new Chart("lapsingAccounts", texts.text("dashboard.chart.lapsingAccounts", SOON_DAYS), "bar",
                texts.text("dashboard.account"),
                own.lapsingSoon().stream().map(RepAccountFigures.Lapsing::accountName).toList(),
                List.of(new Series(texts.text("dashboard.daysLeft"), 0, numbers(own.lapsingSoon(),
                        l -> ChronoUnit.DAYS.between(now.today(), l.lapsesOn())))));
        return new Dashboard("rep", new Filters(null, null, null, null, List.of(), List.of()), figures,
                List.of(bySource, lapsing));
    }

    private Dashboard admin(CurrentUser user, Asked asked, Texts texts) {
        LocalDate today = today(user);
        Range range = range(asked, today.minusMonths(11).withDayOfMonth(1), today, user.zone());
        String region = knownRegion(asked.region());
        Tier tier = asked.tier();
        Instant now = clock.instant();
        List<PartnerSummary> all = partners.summaries();
        List<PartnerSummary> kept = all.stream()
                .filter(p -> region == null || region.equals(p.regionCode()))
                .filter(p -> tier == null || tier == p.tier()).toList();
        Set<UUID> scope = region == null && tier == null ? null
                : kept.stream().map(PartnerSummary::id).collect(Collectors.toSet());
        Map<UUID, PartnerSummary> companies = all.stream().collect(Collectors.toMap(PartnerSummary::id, p -> p));

        List<Tier> tiers = List.of(Tier.values());
        List<Series> byStatus = new ArrayList<>();
        for (PartnerStatus status : PartnerStatus.values()) {
            byStatus.add(new Series(texts.text("partner.status." + status), 0, numbers(tiers,
                    t -> kept.stream().filter(p -> p.tier() == t && p.status() == status).count())));
        }
        Chart partnersChart = new Chart("partnersByTier", texts.text("dashboard.chart.partnersByTier"), "stacked",
                texts.text("dashboard.tier"), tiers.stream().map(t -> texts.text("tier." + t)).toList(), byStatus);

        YearMonth firstMonth = YearMonth.from(range.first);
        YearMonth lastMonth = YearMonth.from(range.last);
        List<RegistrationFigures.Month> months = registrations.perMonth(scope, firstMonth, lastMonth);
        List<String> monthLabels = months.stream().map(m -> m.month().toString()).toList();
        Chart perMonth = new Chart("registrationsPerMonth", texts.text("dashboard.chart.registrationsPerMonth"), "line",
                texts.text("dashboard.month"), monthLabels, List.of(
                        new Series(texts.text("dashboard.submitted"), 0, numbers(months, RegistrationFigures.Month::submitted)),
                        new Series(texts.text("dashboard.approved"), 0, numbers(months, RegistrationFigures.Month::approved)),
                        new Series(texts.text("dashboard.won"), 0, numbers(months, RegistrationFigures.Month::won))));
        List<CreditFigures.Month> direct = credits.perMonth(firstMonth, lastMonth);
        Chart revenue = new Chart("revenuePerMonth", texts.text("dashboard.chart.revenuePerMonth"), "bar",
                texts.text("dashboard.month"), monthLabels, List.of(
                        new Series(texts.text("dashboard.throughPartnersUsd"), 0,
                                numbers(months, RegistrationFigures.Month::wonUsd)),
                        new Series(texts.text("dashboard.directUsd"), 0, numbers(direct, CreditFigures.Month::direct))));

        Map<UUID, BigDecimal> wonByPartner = registrations.wonUsdByPartner(scope, firstMonth, lastMonth);
        List<UUID> top = wonByPartner.entrySet().stream()
                .sorted(Map.Entry.<UUID, BigDecimal>comparingByValue().reversed()
                        .thenComparing(e -> nameOf(companies, e.getKey())))
                .limit(TOP_PARTNERS).map(Map.Entry::getKey).toList();
        Chart topPartners = new Chart("topPartners", texts.text("dashboard.chart.topPartners", TOP_PARTNERS), "bar",
                texts.text("dashboard.partner"), top.stream().map(id -> nameOf(companies, id)).toList(),
                List.of(new Series(texts.text("dashboard.wonUsd"), 0, numbers(top, wonByPartner::get))));

        FiscalPeriods.Period year = fiscal().yearOf(today);
        Map<String, BigDecimal> won = registrations.wonUsdBySpecialization(scope, year.first(), year.last());
        List<SpecializationView> active = specializations.active();
        Chart progress = new Chart("wonBySpecialization",
                texts.text("dashboard.chart.wonBySpecialization", year.first(), year.last()), "bar",
                texts.text("dashboard.specialization"), active.stream().map(s -> s.name(texts.locale)).toList(),
                List.of(new Series(texts.text("dashboard.wonUsd"), 0,
                        numbers(active, s -> won.getOrDefault(s.code(), BigDecimal.ZERO)))));

        List<String> regionCodes = region == null ? regionCodes() : List.of(region);
        Map<String, DecisionTimes> byRegion = trustByRegion(kept, regionCodes, now);
        List<DecisionTimes> trust = regionCodes.stream().map(code -> byRegion.getOrDefault(code, NOTHING_SUBMITTED))
                .toList();
        Chart trustTimes = new Chart("trustTimesByRegion", texts.text("dashboard.chart.trustTimesByRegion"), "bar",
                texts.text("dashboard.region"), regionCodes, List.of(
                        new Series(texts.text("dashboard.medianHours"), 1, numbers(trust, t -> hours(t.median()))),
                        new Series(texts.text("dashboard.p95Hours"), 1, numbers(trust, t -> hours(t.p95())))));
        Chart trustShares = new Chart("trustSharesByRegion", texts.text("dashboard.chart.trustSharesByRegion"), "bar",
                texts.text("dashboard.region"), regionCodes, List.of(
                        new Series(texts.text("dashboard.within24h"), 1,
                                numbers(trust, t -> percent(t.within24h(), t.counted24h()))),
                        new Series(texts.text("dashboard.within48h"), 1,
                                numbers(trust, t -> percent(t.within48h(), t.counted48h())))));

        List<Figure> figures = List.of(
                new Figure("activePartners", texts.text("dashboard.activePartners"),
                        texts.count(kept.stream().filter(p -> p.status() == PartnerStatus.ACTIVE).count())),
                new Figure("applicationsWaiting", texts.text("dashboard.applicationsWaiting"),
                        texts.count(applications.count())),
                new Figure("extensionsWaiting", texts.text("dashboard.extensionsWaiting"),
                        texts.count(registrations.extensionsWaiting(scope))));
        return new Dashboard("admin", new Filters(range.first, range.last, region, tier == null ? null : tier.name(),
                regionCodes(), tiers.stream().map(Tier::name).toList()), figures,
                List.of(partnersChart, perMonth, revenue, topPartners, progress, trustTimes, trustShares));
    }

    private Chart approvalChart(String key, Texts texts, String categoryTitle, List<String> codes,
            Function<String, String> label, List<Approvals> approvals, Function<Approvals, String> by) {
        Map<String, long[]> totals = totals(approvals, by);
        return new Chart(key, texts.text("dashboard.chart." + key), "bar", texts.text(categoryTitle),
                codes.stream().map(label).toList(), List.of(
                        new Series(texts.text("dashboard.approvalRatePercent"), 1, numbers(codes, code -> {
                            long[] t = totals.getOrDefault(code, new long[2]);
                            return percent(t[0], t[0] + t[1]);
                        })),
                        new Series(texts.text("dashboard.decided"), 0, numbers(codes, code -> {
                            long[] t = totals.getOrDefault(code, new long[2]);
                            return t[0] + t[1];
                        }))));
    }

    private static <K> Map<K, long[]> totals(List<Approvals> approvals, Function<Approvals, K> by) {
        Map<K, long[]> totals = new LinkedHashMap<>();
        for (Approvals a : approvals) {
            long[] t = totals.computeIfAbsent(by.apply(a), k -> new long[2]);
            t[0] += a.approved();
            t[1] += a.rejected();
        }
        return totals;
    }

    /** The trust figures of the last {@link #TRUST_PERIOD} per region, over the registrations of {@code companies}. */
    private Map<String, DecisionTimes> trustByRegion(Collection<PartnerSummary> companies, List<String> regionCodes,
            Instant now) {
        Map<UUID, String> regionOfCompany = companies.stream().filter(p -> regionCodes.contains(p.regionCode()))
                .collect(Collectors.toMap(PartnerSummary::id, PartnerSummary::regionCode));
        return registrations.decisionTimesByGroup(regionOfCompany, now.minus(TRUST_PERIOD), now, now);
    }

    private Map<UUID, PartnerSummary> companies() {
        return partners.summaries().stream().collect(Collectors.toMap(PartnerSummary::id, p -> p));
    }

    private static String regionOf(Map<UUID, PartnerSummary> companies, UUID id) {
        PartnerSummary company = companies.get(id);
        return company == null ? "?" : company.regionCode();
    }

    private static String nameOf(Map<UUID, PartnerSummary> companies, UUID id) {
        PartnerSummary company = companies.get(id);
        return company == null ? id.toString() : company.legalName();
    }

    private List<String> regionCodes() {
        return regions.all().stream().map(RegionView::code).toList();
    }

    private String knownRegion(String code) {
        return code == null || code.isBlank() ? null : regions.find(code).map(RegionView::code).orElse(null);
    }

    private FiscalPeriods fiscal() {
        return new FiscalPeriods(settings.integer(Setting.FISCAL_YEAR_START_MONTH));
    }

    private LocalDate today(CurrentUser user) {
        return LocalDate.ofInstant(clock.instant(), user.zone());
    }

    /** The days asked for (or the defaults), as instants in the reader's zone: {@code end} is the day after the last. */
    private record Range(LocalDate first, LocalDate last, Instant start, Instant end) {
    }

    private static Range range(Asked asked, LocalDate defaultFirst, LocalDate defaultLast, ZoneId zone) {
        LocalDate first = asked.from() == null ? defaultFirst : asked.from();
        LocalDate last = asked.to() == null ? defaultLast : asked.to();
        if (last.isBefore(first)) {
            last = first;
        }
        return new Range(first, last, first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static <T> List<Number> numbers(Collection<T> items, Function<T, ? extends Number> value) {
        return items.stream().<Number>map(value).toList();
    }

    private static List<Number> column(Collection<long[]> rows, int index) {
        return rows.stream().<Number>map(row -> row[index]).toList();
    }

    /** Hours with one decimal; zero when nothing was decided (the table beside the chart shows the same). */
    private static BigDecimal hours(Duration duration) {
        return duration == null ? BigDecimal.ZERO
                : BigDecimal.valueOf(duration.toMinutes()).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }

    /** A share in percent with one decimal; zero of nothing is zero. */
    private static BigDecimal percent(long count, long outOf) {
        return outOf == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(outOf), 1, RoundingMode.HALF_UP);
    }

    /** Texts in the reader's language, numbers and durations as the trust page writes them. */
    static final class Texts {

        private final MessageSource messages;
        private final Locale locale;

        Texts(MessageSource messages, Locale locale) {
            this.messages = messages;
            this.locale = locale;
        }

        String text(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        String count(long count) {
            return NumberFormat.getIntegerInstance(locale).format(count);
        }

        String usd(BigDecimal amount) {
            return text("dashboard.usd", NumberFormat.getIntegerInstance(locale).format(amount));
        }

        String share(long count, long outOf) {
            if (outOf == 0) {
                return text("trust.none");
            }
            return text("dashboard.share", NumberFormat.getPercentInstance(locale).format((double) count / outOf),
                    text("trust.outOf", count(count), count(outOf)));
        }

        String duration(Duration duration) {
            return duration == null ? text("trust.none")
                    : text("trust.duration", duration.toHours(), duration.toMinutesPart());
        }
    }

}
