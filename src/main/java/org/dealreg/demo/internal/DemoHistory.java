package org.dealreg.demo.internal;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.dealreg.shared.DatabaseClock;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.identity.UserAccounts;
import org.dealreg.identity.UserAccounts.NewUser;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.Partners;
import org.dealreg.program.RegionView;
import org.dealreg.program.Regions;
import org.dealreg.registration.DeadlineEnforcement;
import org.dealreg.registration.ManagerReview;
import org.dealreg.registration.PartnerSubmissions;
import org.dealreg.registration.PartnerSubmissions.DealToRegister;
import org.dealreg.registration.RegistrationForReview;
import org.dealreg.registration.RejectionReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The programme's last month, so that the managers' trust figures have something to show: Northwind's
 * registrations of the last four weeks, submitted by Dana, most decided by Maria within 2 to 30 hours, three approved
 * by the programme at their 24-hour deadline, two rejected, one withdrawn and two still waiting; and Fabrikam's,
 * submitted by Claire, for the days France was open (none before it opens).
 * <p>
 * Everything goes through the real services, so what partners typed is encrypted, the conflict check gives each
 * its verdict and due time, and the history shows who decided. The story is played in the order it happened, each
 * step at its own time ({@link DatabaseClock#playAt}), so every module records the story's times as it writes:
 * nothing is moved afterwards, and no SQL here touches another module's tables. All of it happens in one
 * transaction with the creation of Dana, whose account says the history is there: a restart, or a start after a
 * failure, finds either all of it or none of it.
 */
@Component
@Profile("demo")
class DemoHistory {

    static final String SUBMITTER = "dana@northwind.example";
    /** Approved last month, closed as won by Dana today: Sam's account, so Sam is credited. */
    static final String WON_TODAY = "Apex Logistics";
    /** Approved last month; Dana asked today for more time. */
    static final String EXTENSION_ASKED = "Lakeview Medical Center";
    /** The deadline job runs every minute: the programme's approval comes some seconds after the due time. */
    private static final Duration DEADLINE_JOB_DELAY = Duration.ofSeconds(35);
    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    enum Answer { APPROVED_BY_MARIA, REJECTED_BY_MARIA, APPROVED_BY_PROGRAMME, WITHDRAWN, WAITING }

    /**
     * A registration of the past: submitted some days ago at a local time (or some hours ago, for those still
     * waiting), then answered {@code after} that long, or at its deadline by the programme. Partners register on
     * working days: a day that falls on a weekend moves back to the Friday before.
     */
    record PastDeal(int daysAgo, LocalTime at, Duration hoursAgo, String customer, String city, String title,
            int amount, String specialization, Answer answer, Duration after, RejectionReason reason,
            String comment) {

        Instant submittedAt(Instant now, ZoneId zone) {
            if (hoursAgo != null) {
                return now.minus(hoursAgo);
            }
            LocalDate day = LocalDate.ofInstant(now, zone).minusDays(daysAgo);
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.minusDays(1);
            }
            return day.atTime(at).atZone(zone).toInstant();
        }
    }

    private static final String INFRA = "INFRASTRUCTURE";
    private static final String MANAGED = "MANAGED_SERVICES";

    /** Northwind's month. Apex Logistics, Meridian and Keystone are Sam's accounts (REVIEW); Delta Financial is engaged. */
    static final List<PastDeal> NORTHWIND = List.of(
            maria(26, "09:40", "Bluewater Logistics", "Newark", "Warehouse servers", 140_000, INFRA, 5),
            maria(25, "14:10", "Pioneer Dental Group", "Columbus", "Managed backup for 40 clinics", 95_000, MANAGED, 3),
            maria(25, "16:45", "Hartwell County Schools", "Atlanta", "Classroom network refresh", 210_000, INFRA, 17),
            programme(24, "10:05", "Riverside Credit Union", "Sacramento", "Branch storage", 88_000, INFRA),
            maria(23, "11:30", "Apex Logistics", "Memphis", "Fleet tracking platform", 180_000, MANAGED, 27),
            maria(22, "13:20", "Lakeview Medical Center", "Madison", "Imaging archive storage", 320_000, INFRA, 6),
            maria(21, "09:05", "Copperfield Insurance", "Hartford", "Disaster recovery site", 150_000, MANAGED, 2),
            maria(20, "15:40", "Marlowe Architects", "Portland", "Rendering workstations", 82_000, INFRA, 19),
            rejected(19, "10:50", "Tidewater Shipping", "Norfolk", "Port office network", 97_000, INFRA, 8,
                    RejectionReason.INCOMPLETE,
                    "There is no named contact at the customer and the e-mail address bounces. Please register it "
                            + "again with a contact who knows about the project."),
            maria(18, "14:15", "Northgate Pharmacy", "Cleveland", "Point-of-sale servers for 60 stores", 230_000, INFRA, 4),
            maria(17, "09:30", "Ironwood Hotels", "Denver", "Managed Wi-Fi for 12 hotels", 125_000, MANAGED, 7),
            programme(16, "16:20", "Silverline Couriers", "Louisville", "Depot servers", 91_000, INFRA),
            rejected(15, "11:10", "Delta Financial", "Charlotte", "Trading floor refresh", 410_000, INFRA, 5,
                    RejectionReason.DIRECT_SALES_ENGAGED,
                    "Our direct sales team has been working with Delta Financial since the summer and owns this "
                            + "opportunity."),
            maria(14, "10:00", "Orchard Valley Foods", "Fresno", "Plant floor edge servers", 135_000, INFRA, 22),
            maria(13, "13:35", "Kestrel Aviation Services", "Wichita", "Hangar network", 78_000, INFRA, 3),
            maria(12, "09:50", "Bayshore Community Hospital", "Tampa", "Managed monitoring", 260_000, MANAGED, 10),
            maria(11, "15:05", "Sterling Legal Partners", "Boston", "Document storage", 99_000, INFRA, 18),
            withdrawn(10, "11:25", "Cascade Outdoor Retail", "Seattle", "Store servers", 115_000, INFRA, 20),
            maria(9, "10:40", "Meridian Health Systems", "Omaha", "Clinic storage expansion", 290_000, INFRA, 30),
            programme(8, "14:00", "Prairie Wind Energy", "Des Moines", "Control room servers", 105_000, INFRA),
            maria(7, "09:20", "Quarry Hill Construction", "Pittsburgh", "Site office laptops and servers", 84_000, INFRA, 2),
            maria(6, "11:45", "Elmstead University", "Ithaca", "Research computing cluster", 480_000, INFRA, 9),
            maria(5, "15:30", "Westfield Auto Group", "Dallas", "Managed dealership network", 145_000, MANAGED, 20),
            maria(4, "10:15", "Ridgeline Data Services", "Reno", "Colocation racks", 370_000, INFRA, 4),
            maria(3, "09:10", "Glenwood Public Library", "Evanston", "Public Wi-Fi and servers", 86_000, MANAGED, 5),
            maria(3, "13:50", "Sunrise Senior Living", "Phoenix", "Managed services for 30 residences", 160_000, MANAGED, 6),
            waiting(30, "Keystone Manufacturing", "Allentown", "Factory data centre", 275_000, INFRA),
            waiting(5, "Larkspur Biotech", "San Diego", "Lab data storage", 190_000, INFRA));

    /** Fabrikam's, in euros; only those submitted after France opened are loaded. */
    static final List<PastDeal> FABRIKAM = List.of(
            maria(20, "09:30", "Clinique des Tilleuls", "Lyon", "Stockage d’imagerie médicale", 110_000, INFRA, 4),
            maria(17, "14:20", "Mairie de Saint-Malo", "Saint-Malo", "Réseau des écoles", 95_000, INFRA, 20),
            programme(14, "10:10", "Hôtel Le Belvédère", "Annecy", "Wi-Fi et serveurs", 80_000, MANAGED),
            maria(11, "16:00", "Cabinet Moreau Avocats", "Paris", "Sauvegarde managée", 76_000, MANAGED, 6),
            rejected(8, "11:40", "Laboratoires Dumas", "Montpellier", "Calcul pour la R&D", 240_000, INFRA, 9,
                    RejectionReason.INCOMPLETE,
                    "Merci de préciser le périmètre du projet et le contact technique chez le client."),
            maria(5, "09:15", "Groupe Scolaire Sainte-Marie", "Nantes", "Postes et serveurs", 88_000, INFRA, 9),
            waiting(6, "Imprimerie Lefèvre", "Lille", "Serveurs de production", 130_000, INFRA));

    private static final List<String> CONTACTS_EN = List.of("Jordan Ellis", "Priya Raman", "Marcus Webb", "Lena Ortiz",
            "Tom Becker", "Grace Kim", "Daniel Shaw", "Nora Patel");
    private static final List<String> CONTACTS_FR = List.of("Camille Girard", "Hugo Lambert", "Léa Fontaine",
            "Julien Mercier");

    private final UserAccounts users;
    private final UserDetailsService userDetails;
    private final Partners partners;
    private final Regions regions;
    private final PartnerSubmissions submissions;
    private final ManagerReview review;
    private final DeadlineEnforcement deadlines;
    private final TransactionTemplate oneTransaction;
    private final EntityManager entityManager;
    private final DatabaseClock databaseClock;

    DemoHistory(UserAccounts users, UserDetailsService userDetails, Partners partners, Regions regions,
            PartnerSubmissions submissions, ManagerReview review, DeadlineEnforcement deadlines,
            PlatformTransactionManager transactions, EntityManager entityManager, DatabaseClock databaseClock) {
        this.databaseClock = databaseClock;
        this.entityManager = entityManager;
        this.users = users;
        this.userDetails = userDetails;
        this.partners = partners;
        this.regions = regions;
        this.submissions = submissions;
        this.review = review;
        this.deadlines = deadlines;
        this.oneTransaction = new TransactionTemplate(transactions);
        // the conflict check inside each submission needs READ COMMITTED
        this.oneTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    void loadOnce() {
        if (users.findByEmail(SUBMITTER).isPresent()) {
            return;
        }
        oneTransaction.executeWithoutResult(this::load);
    }

    private record Planned(PastDeal deal, CurrentUser submitter, RegionView region, Instant submittedAt) {
    }

    /** One thing of the story, done at its time; doing it may bring what follows from it. */
    private record Step(Instant at, int order, Supplier<List<Step>> action) {
    }

    private void load(TransactionStatus transaction) {
        // the transaction's start: every time below is in its past
        Instant now = databaseClock.now();
        PartnerView northwind = partners.findByLegalName("Northwind Systems").orElseThrow();
        PartnerView fabrikam = partners.findByLegalName("Fabrikam Intégration").orElseThrow();
        users.create(new NewUser(SUBMITTER, "Dana Brooks", Role.PARTNER_USER, northwind.id(), Locale.ENGLISH,
                ZoneId.of("America/New_York"), DemoData.PASSWORD));
        UUID maria = users.findByEmail("maria@dealreg.example").orElseThrow().id();

        List<Planned> plan = new ArrayList<>();
        plan(plan, NORTHWIND, northwind, user(SUBMITTER), now);
        plan(plan, FABRIKAM, fabrikam, user("claire@fabrikam.example"), now);
        // oldest first, so that receipt numbers count up in the order of submission, as they always do
        plan.sort(Comparator.comparing(Planned::submittedAt));

        // The story is played in the order it happened, each step at its own time (DatabaseClock.playAt): what the
        // services record — the registration, its history, claim and report, Maria's looks, the reminders, the
        // notifications, the audit trail — carries the story's times as it is written, in the story's order.
        Map<Planned, UUID> ids = new HashMap<>();
        PriorityQueue<Step> story = new PriorityQueue<>(Comparator.comparing(Step::at).thenComparing(Step::order));
        for (int i = 0; i < plan.size(); i++) {
            story.add(submission(plan.get(i), i, maria, now, ids));
        }
        while (!story.isEmpty()) {
            Step step = story.poll();
            databaseClock.playAt(step.at());
            story.addAll(step.action().get());
            // written before the next step, whose SQL may change the same rows (the reminder), and read afresh by it
            entityManager.flush();
            entityManager.clear();
        }
        databaseClock.playAt(null);
        afterApproval(plan, ids, now);
        long fromFabrikam = plan.stream().filter(p -> p.region().code().equals(fabrikam.regionCode())).count();
        log.info("Demo history loaded: {} registrations of the last four weeks, {} of them Fabrikam's (its region's "
                + "opening day: {})", plan.size(), fromFabrikam,
                regions.find(fabrikam.regionCode()).orElseThrow().launchDate());
    }

    /**
     * A deal's submission, and what follows from it at the times the conflict check's verdict and the plan give:
     * the deadline job's reminder to the managers at 75 % of the window if nobody has answered by then; Maria's look
     * ten minutes before she decides; her decision, the programme's approval at the deadline (nobody at the vendor
     * opened those), or the partner's withdrawal.
     */
    private Step submission(Planned planned, int n, UUID maria, Instant now, Map<Planned, UUID> ids) {
        PastDeal deal = planned.deal();
        Instant submittedAt = planned.submittedAt();
        return new Step(submittedAt, 0, () -> {
            UUID id = submissions.submit(planned.submitter(), toRegister(deal, planned.region(), n, now));
            ids.put(planned, id);
            RegistrationForReview fresh = review.find(id);
            Duration window = Duration.between(fresh.submittedAt(), fresh.decisionDueAt());
            Instant answeredAt = switch (deal.answer()) {
                case APPROVED_BY_MARIA, REJECTED_BY_MARIA, WITHDRAWN -> submittedAt.plus(deal.after());
                case APPROVED_BY_PROGRAMME -> fresh.decisionDueAt().plus(DEADLINE_JOB_DELAY);
                case WAITING -> null;
            };
            if (answeredAt != null && !answeredAt.isBefore(now)) {
                throw new IllegalStateException("A demo registration would be answered in the future: "
                        + deal.customer());
            }
            List<Step> next = new ArrayList<>();
            Instant reminderDue = submittedAt.plus(window.multipliedBy(3).dividedBy(4));
            if (reminderDue.isBefore(answeredAt == null ? now : answeredAt)) {
                next.add(new Step(reminderDue, 1, () -> {
                    deadlines.remind(id, reminderDue);
                    return List.of();
                }));
            }
            if (deal.answer() == Answer.APPROVED_BY_MARIA || deal.answer() == Answer.REJECTED_BY_MARIA) {
                next.add(new Step(answeredAt.minus(Duration.ofMinutes(10)), 1, () -> {
                    review.open(id, maria, Role.CHANNEL_MANAGER.name());
                    return List.of();
                }));
            }
            if (answeredAt != null) {
                next.add(new Step(answeredAt, 1, () -> {
                    answer(planned, id, maria);
                    return List.of();
                }));
            }
            return next;
        });
    }

    private void answer(Planned planned, UUID id, UUID maria) {
        PastDeal deal = planned.deal();
        int version = review.find(id).version();
        switch (deal.answer()) {
            case APPROVED_BY_MARIA -> review.approve(id, version, maria);
            case REJECTED_BY_MARIA -> review.reject(id, version, maria, deal.reason(), deal.comment());
            case APPROVED_BY_PROGRAMME -> deadlines.approveByProgramme(id, version);
            case WITHDRAWN -> submissions.withdraw(planned.submitter(), id, version);
            case WAITING -> throw new IllegalStateException("A waiting registration has no answer");
        }
    }

    /** The deals of a partner whose region was open on the day they are dated. */
    private void plan(List<Planned> plan, List<PastDeal> deals, PartnerView partner, CurrentUser submitter,
            Instant now) {
        RegionView region = regions.find(partner.regionCode()).orElseThrow();
        for (PastDeal deal : deals) {
            Instant submittedAt = deal.submittedAt(now, region.zone());
            if (region.launchedOn(LocalDate.ofInstant(submittedAt, region.zone()))) {
                plan.add(new Planned(deal, submitter, region, submittedAt));
            }
        }
    }

    /**
     * What came after approval, done today: Dana closes Apex Logistics (one of Sam's accounts) as won, so Sam finds
     * the win among his credits, and asks for more time on Lakeview Medical Center, so Maria's extension queue has
     * a request.
     */
    private void afterApproval(List<Planned> plan, Map<Planned, UUID> ids, Instant now) {
        for (int i = 0; i < plan.size(); i++) {
            String customer = plan.get(i).deal().customer();
            UUID id = ids.get(plan.get(i));
            if (customer.equals(WON_TODAY)) {
                LocalDate today = LocalDate.ofInstant(now, plan.get(i).region().zone());
                submissions.closeWon(plan.get(i).submitter(), id, review.find(id).version(), new BigDecimal("176500"),
                        plan.get(i).region().currency(), today);
            } else if (customer.equals(EXTENSION_ASKED)) {
                submissions.requestExtension(plan.get(i).submitter(), id, review.find(id).version(),
                        "The hospital board approves capital spending at its next quarterly meeting, after the end of "
                                + "our protection.");
            }
        }
    }

    private static DealToRegister toRegister(PastDeal deal, RegionView region, int n, Instant now) {
        boolean french = region.defaultLocale().getLanguage().equals("fr");
        List<String> contacts = french ? CONTACTS_FR : CONTACTS_EN;
        String contact = contacts.get(n % contacts.size());
        String domain = slug(deal.customer()) + ".example";
        String email = slug(contact.substring(0, contact.indexOf(' '))) + "." + slug(contact.substring(contact.indexOf(' ') + 1))
                + "@" + domain;
        String phone = french ? "+33 1 45 67 %02d %02d".formatted(10 + n, 20 + n) : "+1 555 01%02d".formatted(n);
        String description = french
                ? deal.title() + " pour " + deal.customer() + " à " + deal.city() + ". Budget validé, décision ce trimestre."
                : deal.title() + " for " + deal.customer() + " in " + deal.city() + ". Budget approved, decision this quarter.";
        LocalDate closes = LocalDate.ofInstant(now, region.zone()).plusMonths(2 + n % 4).plusDays(n);
        return new DealToRegister(deal.customer(), "https://www." + domain, french ? "FR" : "US", deal.city(), contact,
                email, phone, deal.title(), description, deal.specialization(), BigDecimal.valueOf(deal.amount()),
                region.currency(), closes, french ? "Dell, HPE" : "HP, Lenovo");
    }

    private CurrentUser user(String email) {
        return (CurrentUser) userDetails.loadUserByUsername(email);
    }

    private static String slug(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
    }

    private static PastDeal maria(int daysAgo, String at, String customer, String city, String title, int amount,
            String specialization, int hoursToDecide) {
        return new PastDeal(daysAgo, LocalTime.parse(at), null, customer, city, title, amount, specialization,
                Answer.APPROVED_BY_MARIA, Duration.ofHours(hoursToDecide), null, null);
    }

    private static PastDeal rejected(int daysAgo, String at, String customer, String city, String title, int amount,
            String specialization, int hoursToDecide, RejectionReason reason, String comment) {
        return new PastDeal(daysAgo, LocalTime.parse(at), null, customer, city, title, amount, specialization,
                Answer.REJECTED_BY_MARIA, Duration.ofHours(hoursToDecide), reason, comment);
    }

    private static PastDeal programme(int daysAgo, String at, String customer, String city, String title, int amount,
            String specialization) {
        return new PastDeal(daysAgo, LocalTime.parse(at), null, customer, city, title, amount, specialization,
                Answer.APPROVED_BY_PROGRAMME, null, null, null);
    }

    private static PastDeal withdrawn(int daysAgo, String at, String customer, String city, String title, int amount,
            String specialization, int hoursBeforeWithdrawing) {
        return new PastDeal(daysAgo, LocalTime.parse(at), null, customer, city, title, amount, specialization,
                Answer.WITHDRAWN, Duration.ofHours(hoursBeforeWithdrawing), null, null);
    }

    private static PastDeal waiting(int hoursAgo, String customer, String city, String title, int amount,
            String specialization) {
        return new PastDeal(0, null, Duration.ofHours(hoursAgo), customer, city, title, amount, specialization,
                Answer.WAITING, null, null, null);
    }
}
