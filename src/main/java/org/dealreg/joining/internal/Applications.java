package org.dealreg.joining.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.dealreg.identity.EmailTaken;
import org.dealreg.identity.Invitations;
import org.dealreg.identity.PartnerUsers;
import org.dealreg.identity.Role;
import org.dealreg.identity.UserAccounts;
import org.dealreg.joining.ApplicationAccepted;
import org.dealreg.joining.ApplicationDeclined;
import org.dealreg.joining.ApplicationReceived;
import org.dealreg.partners.PartnerEnrolment;
import org.dealreg.partners.PartnerStatus;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.Partners;
import org.dealreg.program.RegionView;
import org.dealreg.program.Regions;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.Paging;
import org.dealreg.shared.RulesBroken;
import org.dealreg.web.Export;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications and the decisions on them, each in one transaction with its history step and its event (which the
 * notifications and the audit trail record in the same transaction).
 */
@Service
class Applications {

    static final int MAX_REASON = 2000;
    static final int PAGE_SIZE = 50;

    private final ApplicationRepository applications;
    private final PartnerEnrolment enrolment;
    private final Partners partners;
    private final Regions regions;
    private final UserAccounts users;
    private final Invitations invitations;
    private final PartnerUsers partnerUsers;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Applications(ApplicationRepository applications, PartnerEnrolment enrolment, Partners partners, Regions regions,
            UserAccounts users, Invitations invitations, PartnerUsers partnerUsers, JdbcTemplate jdbc,
            ApplicationEventPublisher events, Clock clock) {
        this.partnerUsers = partnerUsers;
        this.applications = applications;
        this.enrolment = enrolment;
        this.partners = partners;
        this.regions = regions;
        this.users = users;
        this.invitations = invitations;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores the company as APPLIED and its application as PENDING, or refuses with nothing stored: a country no
     * region serves; a company already in the programme (applied and waiting, active or suspended, the same legal
     * name whatever its case); an e-mail that already has an account or waits in another application. A company
     * whose earlier application was declined may apply again.
     */
    @Transactional
    UUID apply(ApplicationForm form) {
        if (regions.forCountry(form.country()).isEmpty()) {
            throw RulesBroken.on("country", "joining.country.noRegion");
        }
        Optional<PartnerView> known = partners.findByLegalName(form.legalNameTrimmed());
        if (known.isPresent() && (known.get().status() != PartnerStatus.APPLIED
                || applications.existsByPartnerIdAndStatus(known.get().id(), ApplicationStatus.PENDING))) {
            throw RulesBroken.on("legalName", "joining.company.known");
        }
        String email = form.contactEmail().strip();
        if (users.findByEmail(email).isPresent()
                || applications.existsByStatusAndContactEmailIgnoreCase(ApplicationStatus.PENDING, email)) {
            throw RulesBroken.on("contactEmail", "joining.email.taken");
        }
        Instant now = clock.instant();
        PartnerApplication application;
        try {
            PartnerView partner = enrolment.recordApplicant(form.legalNameTrimmed(), form.country());
            application = applications.saveAndFlush(new PartnerApplication(partner.id(), form, now));
        } catch (DataIntegrityViolationException sameCompanyAtOnce) {
            throw RulesBroken.on("legalName", "joining.company.known");
        }
        step(application.id(), now, null, "SUBMITTED");
        events.publishEvent(new ApplicationReceived(application.id(), application.partnerId(), form.country(), now));
        return application.id();
    }

    /**
     * The company becomes an active Registered partner and its contact its partner admin, in the region's language
     * and time zone, invited to set a password.
     */
    @Transactional
    void accept(UUID applicationId, UUID managerId) {
        PartnerApplication application = pendingForDecision(applicationId);
        Instant now = clock.instant();
        PartnerView partner = enrolment.accept(application.partnerId());
        RegionView region = regions.find(partner.regionCode()).orElseThrow();
        UUID admin;
        try {
            admin = invitations.invite(new Invitations.Invitee(application.contactEmail(), application.contactName(),
                    Role.PARTNER_ADMIN, partner.id(), region.defaultLocale(), region.zone()), managerId);
        } catch (EmailTaken taken) {
            throw RulesBroken.refused("joining.decision.emailTaken");
        }
        application.accept(managerId, admin, now);
        step(applicationId, now, managerId, "ACCEPTED");
        events.publishEvent(new ApplicationAccepted(applicationId, partner.id(), admin, managerId, now));
    }

    /** The reason is required: the contact is told it by e-mail. */
    @Transactional
    void decline(UUID applicationId, UUID managerId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw RulesBroken.on("reason", why.isEmpty() ? "joining.decline.reasonRequired" : "joining.decline.reasonTooLong");
        }
        PartnerApplication application = pendingForDecision(applicationId);
        Instant now = clock.instant();
        application.decline(managerId, why, now);
        step(applicationId, now, managerId, "DECLINED");
        PartnerView partner = partners.find(application.partnerId()).orElseThrow();
        RegionView region = regions.find(partner.regionCode()).orElseThrow();
        events.publishEvent(new ApplicationDeclined(applicationId, partner.id(), application.contactEmail(),
                region.defaultLocale(), region.zone(), why, managerId, now));
    }

    public record Row(ApplicationView application, PartnerView partner) {
    }

    /** {@code step}: SUBMITTED, ACCEPTED or DECLINED. */
    public record Step(Instant at, String actorName, String step) {
    }

    /** {@code adminWaitsForPassword}: accepted, and its admin has not set a password through the link yet. */
    public record Details(ApplicationView application, PartnerView partner, List<Step> history,
            boolean adminWaitsForPassword) {
    }

    /** One page of the waiting applications, the oldest first (a staff-facing list). */
    @Transactional(readOnly = true)
    Page<Row> pending(int page) {
        return Paging.page(page, PAGE_SIZE, () -> applications.countByStatus(ApplicationStatus.PENDING),
                (offset, limit) -> rows(applications.findByStatus(ApplicationStatus.PENDING,
                        PageRequest.of((int) (offset / limit), limit, Sort.by("submittedAt", "id")))));
    }

    /** One line of the export of the waiting applications: the list's columns, with the contact's phone and website. */
    record PendingLine(Instant submittedAt, String legalName, String country, String contactName, String contactEmail,
            String contactPhone, String website) {
    }

    /**
     * Every waiting application, oldest first like the list, handed to the sink as PostgreSQL sends them
     * (docs/exports.md); the companies are asked of the partners module a fetch at a time.
     */
    @Transactional(readOnly = true)
    void exportPending(Consumer<PendingLine> sink) {
        record Pending(UUID partnerId, Instant submittedAt, String contactName, String contactEmail, String contactPhone,
                String website) {
        }
        Export.<Pending>inBatches(rows -> Export.stream(jdbc, """
                select partner_id, submitted_at, contact_name, contact_email, contact_phone, website
                  from partner_application where status = 'PENDING'
                 order by submitted_at, id""", (rs, n) -> new Pending(rs.getObject("partner_id", UUID.class),
                rs.getTimestamp("submitted_at").toInstant(), rs.getString("contact_name"), rs.getString("contact_email"),
                rs.getString("contact_phone"), rs.getString("website")), rows), pending -> {
                    Map<UUID, PartnerView> byId = partners.findAll(
                            pending.stream().map(Pending::partnerId).distinct().toList());
                    pending.forEach(p -> sink.accept(new PendingLine(p.submittedAt(),
                            byId.get(p.partnerId()).legalName(), byId.get(p.partnerId()).country(), p.contactName(),
                            p.contactEmail(), p.contactPhone(), p.website())));
                });
    }

    @Transactional(readOnly = true)
    List<Row> recentlyDecided() {
        return rows(applications.findTop20ByStatusNotOrderByDecidedAtDesc(ApplicationStatus.PENDING));
    }

    @Transactional(readOnly = true)
    Details details(UUID applicationId) {
        PartnerApplication application = applications.findById(applicationId).orElseThrow(() -> new NotFound("Application"));
        List<Step> history = jdbc.query("""
                select s.at, u.display_name, s.step from partner_application_step s
                left join app_user u on u.id = s.actor_id where s.application_id = ? order by s.at, s.id""",
                (rs, n) -> new Step(rs.getTimestamp("at").toInstant(), rs.getString("display_name"),
                        rs.getString("step")), applicationId);
        boolean adminWaits = application.status() == ApplicationStatus.ACCEPTED
                && partnerUsers.member(application.partnerId(), application.view().adminUserId())
                        .filter(u -> u.active() && u.invited()).isPresent();
        return new Details(application.view(), partners.find(application.partnerId()).orElseThrow(), history, adminWaits);
    }

    /** Another invitation link for the admin of an accepted application who has not set a password yet. */
    @Transactional
    void reinviteAdmin(UUID applicationId, UUID managerId) {
        PartnerApplication application = applications.findById(applicationId).orElseThrow(() -> new NotFound("Application"));
        if (application.status() != ApplicationStatus.ACCEPTED) {
            throw new NotFound("Invitation");
        }
        invitations.reissue(application.partnerId(), application.view().adminUserId(), managerId);
    }

    private List<Row> rows(List<PartnerApplication> list) {
        Map<UUID, PartnerView> byId = partners.findAll(list.stream().map(PartnerApplication::partnerId).distinct().toList());
        return list.stream().map(a -> new Row(a.view(), byId.get(a.partnerId()))).toList();
    }

    /** Locked until the decision commits, so two managers deciding at once make one decision. */
    private PartnerApplication pendingForDecision(UUID applicationId) {
        PartnerApplication application = applications.lockById(applicationId).orElseThrow(() -> new NotFound("Application"));
        if (application.status() != ApplicationStatus.PENDING) {
            throw RulesBroken.refused("joining.decision.alreadyDecided");
        }
        return application;
    }

    private void step(UUID applicationId, Instant at, UUID actor, String step) {
        jdbc.update("insert into partner_application_step (application_id, at, actor_id, step) values (?, ?, ?, ?)",
                applicationId, Timestamp.from(at), actor, step);
    }
}
