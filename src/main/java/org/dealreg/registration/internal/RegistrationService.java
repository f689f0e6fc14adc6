package org.dealreg.registration.internal;

import java.util.Objects;
import java.util.ArrayList;
import org.dealreg.shared.FieldProblem;
import org.dealreg.shared.RulesBroken;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Validator;

import org.dealreg.conflicts.CheckOutcome;
import org.dealreg.conflicts.ConflictCheck;
import org.dealreg.conflicts.CustomerToCheck;
import org.dealreg.conflicts.Verdict;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.UserAccounts;
import org.dealreg.partners.PartnerActivity;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.TierBenefits;
import org.dealreg.partners.Partners;
import org.dealreg.partners.SpecializationView;
import org.dealreg.partners.Specializations;
import org.dealreg.program.ExchangeRates;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.RegionView;
import org.dealreg.program.Setting;
import org.dealreg.program.Regions;
import org.dealreg.registration.PartnerSubmissions;
import org.dealreg.registration.ChangeMark;
import org.dealreg.registration.DealDetails;
import org.dealreg.registration.RegistrationStatus;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.ListOrder;
import org.dealreg.shared.SearchText;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The partner's side of a registration: submitting it, and reading the company's own. */
@Service
class RegistrationService implements PartnerSubmissions {


    private final RegistrationRepository registrations;
    private final Partners partners;
    private final Regions regions;
    private final Specializations specializations;
    private final ProgramSettings settings;
    private final ExchangeRates rates;
    private final ConflictCheck conflicts;
    private final Transitions transitions;
    private final JdbcTemplate jdbc;
    private final Validator validator;
    private final Clock clock;
    private final UserAccounts users;
    private final PartnerActivity activity;
    private final SubmissionQuota quota;
    private final TransactionTemplate submission;
    private final CompanyRegistrations companyRegistrations;
    private final ContactEmails contactEmails;

    RegistrationService(RegistrationRepository registrations, Partners partners, Regions regions,
            Specializations specializations, ProgramSettings settings, ExchangeRates rates,
            ConflictCheck conflicts, Transitions transitions, JdbcTemplate jdbc, Validator validator, Clock clock,
            UserAccounts users, PartnerActivity activity, SubmissionQuota quota,
            PlatformTransactionManager transactions, CompanyRegistrations companyRegistrations,
            ContactEmails contactEmails) {
        this.companyRegistrations = companyRegistrations;
        this.contactEmails = contactEmails;
        this.activity = activity;
        this.quota = quota;
        // read committed: the conflict check and the count read what committed while they waited for a lock
        this.submission = new TransactionTemplate(transactions);
        submission.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        submission.setTimeout((int) SubmissionQuota.SUBMISSION_TIMEOUT.toSeconds());
        this.transitions = transitions;
        this.users = users;
        this.registrations = registrations;
        this.partners = partners;
        this.regions = regions;
        this.specializations = specializations;
        this.settings = settings;
        this.rates = rates;
        this.conflicts = conflicts;
        this.jdbc = jdbc;
        this.validator = validator;
        this.clock = clock;
    }

    /** Where the partner's company stands: whether it may submit now, and in which currency by default. */
    @Transactional(readOnly = true)
    public SubmissionGate gate(CurrentUser user) {
        PartnerView partner = partner(user);
        RegionView region = regions.find(partner.regionCode()).orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(region.zone()));
        return new SubmissionGate(partner.active(), region.launchedOn(today), region.launchDate(), region.currency(),
                settings.minimumDealUsd(), rates.fromUsd(settings.minimumDealUsd(), region.currency(), today,
                        RoundingMode.CEILING).orElse(null), activity.openRegistrations(partner.id()),
                TierBenefits.of(partner.tier(), settings).openRegistrationCap(), partner.tier(), partner.country());
    }

    /**
     * Registers the deal for the user's company (docs/submission.md): a ticket under the tier's cap first, in a short
     * transaction of its own, then everything else in one transaction that holds the partner in share mode. With a
     * transaction of the caller's (a loader), both run in it.
     *
     * @throws RulesBroken naming every broken rule; nothing is stored
     * @throws org.dealreg.conflicts.AlreadyRegistered when the company holds an active registration of that customer already
     */
    public UUID submit(CurrentUser user, DealForm form) {
        if (user.partnerId() == null) {
            throw new NotFound("Partner");
        }
        UUID id = UUID.randomUUID();
        boolean ownTransactions = !TransactionSynchronizationManager.isActualTransactionActive();
        long ticket = quota.reserve(user.partnerId(), id, ownTransactions);
        try {
            return submission.execute(status -> submitHolding(user, form, id, ticket));
        } catch (RuntimeException | Error failed) {
            if (ownTransactions) {
                release(id, failed);
            }
            throw failed;
        }
    }

    private UUID submitHolding(CurrentUser user, DealForm form, UUID id, long ticket) {
        // held until commit: a suspension or demotion committed before is read here, one under way waits for this
        // submission, and the company's other submissions hold it too without waiting
        PartnerView partner = partners.findHeld(user.partnerId()).orElseThrow(() -> new NotFound("Partner"));
        if (!partner.active()) {
            throw RulesBroken.global("deal.partner.inactive");
        }
        RegionView region = regions.find(partner.regionCode()).orElseThrow();
        LocalDate regionToday = LocalDate.now(clock.withZone(region.zone()));
        if (!region.launchedOn(regionToday)) {
            throw RulesBroken.global("deal.region.notLaunched", region.launchDate());
        }
        ValidDeal deal = SubmissionRules.check(form, rulesContext(user, region));

        CheckOutcome check = conflicts.claimAndCheck(id, partner.id(), customerOf(deal));
        TierBenefits benefits = TierBenefits.of(partner.tier(), settings);
        SubmissionQuota.Count open = quota.count(partner.id(), ticket, benefits.openRegistrationCap());
        if (!open.belowCap()) {
            throw TierCapPolicy.refusal(open.counted(), partner.tier(), benefits.openRegistrationCap());
        }
        Instant submittedAt = check.claimedAt();
        Duration window = check.verdict() == Verdict.CLEAR
                ? settings.decisionWindowWhenClear()
                : settings.decisionWindowOtherwise();
        DecisionDeadlinePolicy.ClockMode mode =
                DecisionDeadlinePolicy.ClockMode.valueOf(settings.value(Setting.CLOCK_MODE).trim());
        Set<LocalDate> holidays = regions.holidays(region.code(),
                LocalDate.ofInstant(submittedAt, region.zone()).minusDays(1));
        Instant due = DecisionDeadlinePolicy.dueAt(submittedAt, window, mode, region.zone(), holidays);
        Instant remind = DecisionDeadlinePolicy.dueAt(submittedAt, window.multipliedBy(3).dividedBy(4), mode,
                region.zone(), holidays);
        Registration registration = Registration.submit(id, partner.id(), user.id(), deal,
                contactEmails.index(deal.contactEmail()), check,
                receiptNumber(open.receiptNumber(), submittedAt), submittedAt, remind, due);
        return registrations.save(registration).id();
    }

    /** The failed submission's ticket stops counting; if that fails too, the ticket lapses on its own. */
    private void release(UUID id, Throwable failed) {
        try {
            quota.release(id);
        } catch (RuntimeException e) {
            failed.addSuppressed(e);
        }
    }

    /** A deal registered without the form: the form's field checks first, then everything a submission does. */
    @Override
    public UUID submit(CurrentUser user, DealToRegister deal) {
        DealForm form = new DealForm(deal.customerName(), deal.customerWebsite(), deal.customerCountry(),
                deal.customerCity(), deal.contactName(), deal.contactEmail(), deal.contactPhone(), deal.title(),
                deal.description(), deal.specialization(), deal.amount() == null ? null : deal.amount().toPlainString(),
                deal.currency(), deal.expectedCloseDate(), deal.competitors());
        RulesBroken.unlessValid(validator, form);
        return submit(user, form);
    }

    /**
     * The partner takes back a registration the vendor has not answered yet; the customer is free again at once.
     *
     * @throws org.dealreg.registration.AlreadyDecided when it was decided (or changed) since the partner saw it
     */
    @Override
    @Transactional
    public void withdraw(CurrentUser user, UUID id, int versionSeen) {
        Registration registration = own(user, id);
        Instant at = transitions.now();
        transitions.apply(registration, r -> r.withdraw(user.id(), versionSeen, at));
        conflicts.release(id, at);
    }

    /**
     * The partner asks for more protection, with a reason.
     *
     * @throws RulesBroken when the registration is not approved, its protection ended, a request is
     *         already open or the maximum is reached, or it changed since the partner saw it: nothing is stored
     */
    @Override
    @Transactional
    public void requestExtension(CurrentUser user, UUID id, int versionSeen, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw RulesBroken.refused("extension.reason.required");
        }
        Registration registration = own(user, id);
        Instant at = transitions.now();
        transitions.apply(registration, r -> r.requestExtension(user.id(), versionSeen, why, at, settings.maxExtensions()),
                () -> RulesBroken.refused("extension.refused.pending"));
    }

    /**
     * The partner closes an approved registration, won or lost; the customer is free again at once.
     *
     * @throws RulesBroken when the form breaks a rule (a problem per field): nothing is stored
     * @throws RulesBroken when it is not approved, or changed since the partner saw it
     */
    @Transactional
    public void close(CurrentUser user, UUID id, CloseForm form) {
        Registration registration = own(user, id);
        if (registration.status() != RegistrationStatus.APPROVED) {
            throw RulesBroken.refused("deal.refused.notApproved", registration.status().named());
        }
        ValidClose close = ClosingRules.check(form, closingContext(user, registration));
        Instant at = transitions.now();
        transitions.apply(registration, r -> {
            if (close.won() != null) {
                r.closeWon(user.id(), form.version(), close.won(), at);
            } else {
                r.closeLost(user.id(), form.version(), close.lostReason(), close.closedOn(), at);
            }
        }, () -> RulesBroken.refused("deal.refused.changed"));
        conflicts.release(id, at);
    }

    @Override
    @Transactional
    public void closeWon(CurrentUser user, UUID id, int versionSeen, BigDecimal amount, String currency,
            LocalDate closedOn) {
        close(user, id, new Closing("WON", amount, currency, closedOn, null, versionSeen));
    }

    /** The close form's field checks first, then everything closing from the page does. */
    @Override
    @Transactional
    public void close(CurrentUser user, UUID id, Closing closing) {
        CloseForm form = new CloseForm(closing.outcome(), closing.amount() == null ? null : closing.amount().toPlainString(),
                closing.currency(), closing.closedOn(), closing.lostReason(), closing.versionSeen());
        RulesBroken.unlessValid(validator, form);
        close(user, id, form);
    }

    /** The close form's rule problems, shown beside its format errors; stores nothing. */
    @Transactional(readOnly = true)
    public List<FieldProblem> closeProblems(CurrentUser user, UUID id, CloseForm form) {
        return ClosingRules.problems(form, closingContext(user, own(user, id)));
    }

    private ClosingRules.Context closingContext(CurrentUser user, Registration registration) {
        return new ClosingRules.Context(LocalDate.now(clock.withZone(user.zone())),
                LocalDate.ofInstant(registration.submittedAt(), user.zone()), rates::usdPerUnit);
    }

    private Registration own(CurrentUser user, UUID id) {
        return registrations.findByIdAndPartnerId(id, user.partnerId()).orElseThrow(() -> new NotFound("Registration"));
    }

    /** The traffic light a partner sees before typing the whole form; claims and stores nothing. */
    @Transactional(readOnly = true)
    public Verdict preview(CurrentUser user, CustomerToCheck customer) {
        return conflicts.preview(partner(user).id(), customer, transitions.now());
    }

    private static CustomerToCheck customerOf(ValidDeal deal) {
        return new CustomerToCheck(deal.customerName(), deal.customerWebsite(), deal.contactEmail(),
                deal.customerCountry());
    }

    /** The programme's rules a form breaks, without storing anything: shown beside the format errors. */
    @Transactional(readOnly = true)
    public List<FieldProblem> problems(CurrentUser user, DealForm form) {
        RegionView region = regions.find(partner(user).regionCode()).orElseThrow();
        return SubmissionRules.problems(form, rulesContext(user, region));
    }

    private SubmissionRules.Context rulesContext(CurrentUser user, RegionView region) {
        LocalDate regionToday = LocalDate.now(clock.withZone(region.zone()));
        Set<String> active = specializations.active().stream().map(SpecializationView::code).collect(Collectors.toSet());
        return new SubmissionRules.Context(LocalDate.now(clock.withZone(user.zone())), settings.minimumDealUsd(), active,
                currency -> rates.usdPerUnit(currency, regionToday));
    }

    /**
     * One page of the company's registrations that the status and the search keep, in the order asked for; past the
     * last page, the last page. The company is the user's, always.
     */
    @Transactional(readOnly = true)
    public Page<DealSummary> list(CurrentUser user, RegistrationStatus status, SearchText search, ListOrder order,
            int page) {
        return companyRegistrations.page(new CompanyRegistrations.Query(user.partnerId(), status, search, order), page);
    }

    @Override
    @Transactional(readOnly = true)
    public DealDetails find(CurrentUser user, UUID id) {
        Registration registration = own(user, id);
        return registration.details(staffViews(id), settings.maxExtensions());
    }

    @Override
    @Transactional(readOnly = true)
    public Changes changes(CurrentUser user, RegistrationStatus status, Instant since, ChangeMark after, int limit) {
        List<Object> args = new ArrayList<>(List.of(user.partnerId()));
        String select = "select id, changed_at from registration where partner_id = ?";
        if (status != null) {
            select += " and status = ?";
            args.add(status.name());
        }
        List<ChangeMark> marks = ByChange.read(jdbc, select, args, since, after, limit, (rs, n) -> new ChangeMark(
                rs.getTimestamp("changed_at").toInstant(), rs.getObject("id", UUID.class)));
        List<ChangeMark> shown = ByChange.page(marks, limit);
        Map<UUID, Registration> found = registrations.findByPartnerIdAndIdIn(user.partnerId(),
                shown.stream().map(ChangeMark::id).toList()).stream()
                .collect(Collectors.toMap(Registration::id, r -> r));
        int maxExtensions = settings.maxExtensions();
        List<DealDetails> page = shown.stream().map(mark -> found.get(mark.id())).filter(Objects::nonNull)
                .map(r -> r.details(List.of(), maxExtensions)).toList();
        return new Changes(page, ByChange.next(marks, limit, mark -> mark));
    }

    /** Who at the vendor looked at the registration, a line per visit, newest first, with their name and role. */
    private List<DealDetails.StaffView> staffViews(UUID id) {
        List<Object[]> rows = jdbc.query("select viewer_id, viewer_role, at from registration_view "
                + "where registration_id = ? order by at desc limit 100", (rs, n) -> new Object[] {
                rs.getObject("viewer_id", UUID.class), rs.getString("viewer_role"), rs.getTimestamp("at").toInstant()},
                id);
        Map<UUID, String> names = users.displayNames(rows.stream().map(r -> (UUID) r[0]).distinct().toList());
        return StaffVisits.of(rows.stream().map(r -> new StaffVisits.Open((UUID) r[0], (String) r[1], (Instant) r[2]))
                .toList()).stream().map(visit -> new DealDetails.StaffView(names.getOrDefault(visit.viewer(), "?"),
                        visit.role(), visit.last(), visit.times())).toList();
    }

    private PartnerView partner(CurrentUser user) {
        if (user.partnerId() == null) {
            throw new NotFound("Partner");
        }
        return partners.find(user.partnerId()).orElseThrow(() -> new NotFound("Partner"));
    }


    private static String receiptNumber(long n, Instant submittedAt) {
        return "DR-%d-%06d".formatted(submittedAt.atOffset(ZoneOffset.UTC).getYear(), n);
    }
}
