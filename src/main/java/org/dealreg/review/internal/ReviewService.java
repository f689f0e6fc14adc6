package org.dealreg.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dealreg.accounts.DirectAccounts;
import org.dealreg.conflicts.ConflictReport;
import org.dealreg.conflicts.ConflictReports;
import org.dealreg.conflicts.Verdict;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.UserAccounts;
import org.dealreg.program.ProgramSettings;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.Partners;
import org.dealreg.registration.DecidedRegistration;
import org.dealreg.registration.ManagerReview;
import org.dealreg.registration.PendingCounts;
import org.dealreg.registration.PendingFilter;
import org.dealreg.registration.PendingRegistration;
import org.dealreg.registration.RegistrationForReview;
import org.dealreg.registration.RejectionReason;
import org.dealreg.shared.Paging;
import org.dealreg.shared.RulesBroken;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.dealreg.web.Export;

/** Reads for the managers' screens, with names put on the ids, and their decisions. */
@Service
class ReviewService {

    private final ManagerReview registrations;
    private final ConflictReports reports;
    private final Partners partners;
    private final DirectAccounts accounts;
    private final UserAccounts users;
    private final Clock clock;
    private final ProgramSettings settings;

    ReviewService(ManagerReview registrations, ConflictReports reports, Partners partners, DirectAccounts accounts,
            UserAccounts users, Clock clock, ProgramSettings settings) {
        this.settings = settings;
        this.registrations = registrations;
        this.reports = reports;
        this.partners = partners;
        this.accounts = accounts;
        this.users = users;
        this.clock = clock;
    }

    /**
     * One page of the pending registrations in the order asked for (due first by default); {@code region},
     * {@code verdict} and the search narrow them when given. PostgreSQL filters, counts and pages them: a page costs
     * the same few statements however many are pending (one more to find the partners a search names).
     */
    @Transactional(readOnly = true)
    public ReviewQueue queue(QueueQuery query, int page) {
        Instant now = clock.instant();
        PendingFilter filter = filter(query);
        PendingCounts counts = registrations.countPending(filter, now);
        int shown = Paging.shown(page, counts.total(), ReviewQueue.PAGE_SIZE);
        List<PendingRegistration> pending = registrations.pending(filter, query.order(),
                (long) shown * ReviewQueue.PAGE_SIZE, ReviewQueue.PAGE_SIZE);
        Map<UUID, PartnerView> byId = partners.findAll(ids(pending.stream().map(PendingRegistration::partnerId)));
        List<QueueRow> rows = new ArrayList<>();
        for (PendingRegistration p : pending) {
            PartnerView partner = byId.get(p.partnerId());
            rows.add(new QueueRow(p.id(), p.receiptNumber(), partner.legalName(), partner.regionCode(), partner.tier(),
                    p.amountUsd(), p.verdict(), p.submittedAt(), p.decisionDueAt(),
                    DeadlineBadge.of(p.remindAt(), p.decisionDueAt(), now)));
        }
        return new ReviewQueue(new PageImpl<>(rows, PageRequest.of(shown, ReviewQueue.PAGE_SIZE), counts.total()),
                counts, query, registrations.countDecided(filter));
    }

    /** The queue's filters as the registration module reads them: the region's partners, the partners a search names. */
    private PendingFilter filter(QueueQuery query) {
        return new PendingFilter(query.region() == null ? null : partners.idsInRegion(query.region()), query.verdict(),
                query.search(), partners.idsNamedLike(query.search()));
    }

    /**
     * Every pending registration the queue's filters and search keep, as the queue shows them (plain fields: nothing
     * decrypted, so nothing to record as a view), in the queue's order, handed to the sink as they are read; the partners are asked of the
     * partners module a fetch at a time (docs/exports.md).
     */
    @Transactional(readOnly = true)
    public void exportQueue(QueueQuery query, Consumer<QueueRow> sink) {
        Instant now = clock.instant();
        PendingFilter filter = filter(query);
        Export.<PendingRegistration>inBatches(rows -> registrations.eachPending(filter, query.order(), rows), pending -> {
            Map<UUID, PartnerView> byId = partners.findAll(ids(pending.stream().map(PendingRegistration::partnerId)));
            for (PendingRegistration p : pending) {
                PartnerView partner = byId.get(p.partnerId());
                sink.accept(new QueueRow(p.id(), p.receiptNumber(), partner.legalName(), partner.regionCode(),
                        partner.tier(), p.amountUsd(), p.verdict(), p.submittedAt(), p.decisionDueAt(),
                        DeadlineBadge.of(p.remindAt(), p.decisionDueAt(), now)));
            }
        });
    }

    /**
     * Every decided registration the queue's filters and search keep, the latest decision first, as {@link DecisionRow}s (plain
     * fields); the partners and the deciding managers' names are asked a fetch at a time (docs/exports.md).
     */
    @Transactional(readOnly = true)
    public void exportDecisions(QueueQuery query, Consumer<DecisionRow> sink) {
        PendingFilter filter = filter(query);
        Export.<DecidedRegistration>inBatches(rows -> registrations.eachDecided(filter, rows), decided -> {
            Map<UUID, PartnerView> byId = partners.findAll(ids(decided.stream().map(DecidedRegistration::partnerId)));
            Map<UUID, String> names = users.displayNames(decided.stream().map(DecidedRegistration::decidedBy)
                    .filter(Objects::nonNull).collect(Collectors.toSet()));
            for (DecidedRegistration d : decided) {
                PartnerView partner = byId.get(d.partnerId());
                sink.accept(new DecisionRow(d.receiptNumber(), partner.legalName(), partner.regionCode(),
                        partner.tier(), d.amountUsd(), d.verdict(), d.submittedAt(), d.decidedAt(),
                        d.decidedBy() == null ? null : names.getOrDefault(d.decidedBy(), "?"), d.status().decision(),
                        d.rejectionReason(), d.status()));
            }
        });
    }

    /** The page as {@code viewer} opens it: the view is logged, and shown to the partner. */
    @Transactional
    public ReviewPage open(UUID id, CurrentUser viewer) {
        return page(registrations.open(id, viewer.id(), viewer.role().name()));
    }

    /** The page again without logging a view (after a refused form, the same viewer is still looking at it). */
    @Transactional(readOnly = true)
    public ReviewPage page(UUID id) {
        return page(registrations.find(id));
    }

    private ReviewPage page(RegistrationForReview deal) {
        UUID id = deal.id();
        PartnerView partner = partners.find(deal.partnerId()).orElseThrow();
        ConflictReport report = reports.find(id).orElse(null);
        List<ConflictReport.Match> matches = report == null ? List.of() : report.matches();

        Set<UUID> people = new HashSet<>();
        people.add(deal.submittedBy());
        people.add(deal.decidedBy());
        deal.history().forEach(h -> people.add(h.actorId()));
        deal.extensions().forEach(e -> {
            people.add(e.requestedBy());
            people.add(e.decidedBy());
        });
        matches.forEach(m -> people.add(m.accountOwnerId()));
        people.remove(null);
        Map<UUID, String> names = users.displayNames(people);
        Map<UUID, String> accountNames = accounts.names(ids(matches.stream().map(ConflictReport.Match::accountId)));
        Map<UUID, PartnerView> others = partners.findAll(ids(matches.stream().map(ConflictReport.Match::otherPartnerId)));
        // A match names either an account or another partner's registration: the other side's ids are null, and
        // the name maps are immutable (get(null) throws), so each is only asked for an id it can hold.
        List<ReportLine> lines = matches.stream().map(m -> new ReportLine(m.kind(), m.score(), m.accountId(),
                m.accountId() == null ? null : accountNames.get(m.accountId()),
                m.accountOwnerId() == null ? null : names.get(m.accountOwnerId()), m.accountEngaged(),
                m.otherRegistrationId(),
                m.otherPartnerId() == null || !others.containsKey(m.otherPartnerId()) ? null
                        : others.get(m.otherPartnerId()).legalName())).toList();
        DeadlineBadge badge = deal.pending()
                ? DeadlineBadge.of(deal.remindAt(), deal.decisionDueAt(), clock.instant())
                : null;
        return new ReviewPage(deal, partner, report, lines, names, badge, settings.extensionLength().toDays());
    }

    public void approve(UUID id, int versionSeen, UUID manager) {
        registrations.approve(id, versionSeen, manager);
    }

    /**
     * Approves, unless the check found a likely conflict and the manager did not confirm reading its report (issue 18
     * §6): such an approval is a deliberate act, never a slip.
     *
     * @throws RulesBroken then (refused: a likely conflict approved without saying the report was read); nothing is decided
     */
    public void approve(UUID id, int versionSeen, UUID manager, boolean conflictConfirmed) {
        if (!conflictConfirmed && registrations.find(id).verdict() == org.dealreg.conflicts.Verdict.CONFLICT) {
            throw RulesBroken.refused("review.approve.confirmConflict");
        }
        approve(id, versionSeen, manager);
    }

    public void reject(UUID id, int versionSeen, UUID manager, RejectionReason reason, String comment) {
        registrations.reject(id, versionSeen, manager, reason, comment.strip());
    }

    /** Who is named by an id, for a refusal that says who decided first. */
    public String nameOf(UUID user) {
        return users.displayNames(Set.of(user)).getOrDefault(user, "?");
    }

    private static Collection<UUID> ids(Stream<UUID> ids) {
        return ids.filter(Objects::nonNull).distinct().toList();
    }
}
