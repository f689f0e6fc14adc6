package org.dealreg.partners.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dealreg.shared.DatabaseClock;
import org.dealreg.partners.PartnerSpecializationsChanged;
import org.dealreg.partners.PartnerStanding;
import org.dealreg.partners.PartnerStandingChanged;
import org.dealreg.partners.PartnerStatus;
import org.dealreg.partners.Specializations;
import org.dealreg.partners.SpecializationView;
import org.dealreg.partners.Tier;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.RulesBroken;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's standing as its channel managers change it: the rules in {@link StandingPolicy}, one row of history
 * per change, and an event the audit trail and the partner's admins hear of.
 */
@Service
class JpaPartnerStanding implements PartnerStanding {

    private final PartnerRepository partners;
    private final Specializations specializations;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final DatabaseClock databaseClock;

    JpaPartnerStanding(PartnerRepository partners, Specializations specializations, JdbcTemplate jdbc,
            ApplicationEventPublisher events, DatabaseClock databaseClock) {
        this.databaseClock = databaseClock;
        this.partners = partners;
        this.specializations = specializations;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    @Transactional
    public void setSpecializations(UUID partnerId, Set<String> codes, UUID manager) {
        PartnerEntity partner = partner(partnerId);
        Set<String> active = specializations.active().stream().map(SpecializationView::code).collect(Collectors.toSet());
        Set<String> before = partner.specializationCodes();
        // a retired one the partner already holds may stay; none may be added
        List<String> unknown = codes.stream().filter(c -> !active.contains(c) && !before.contains(c)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw RulesBroken.global("partners.specializations.unknown", String.join(", ", unknown));
        }
        if (partner.tier() == Tier.CERTIFIED && codes.isEmpty()) {
            throw RulesBroken.global("partners.specializations.certifiedNeedsOne");
        }
        if (before.equals(codes)) {
            return;
        }
        partner.holdSpecializations(codes);
        partners.flush();
        events.publishEvent(new PartnerSpecializationsChanged(partnerId, before, Set.copyOf(codes), manager,
                databaseClock.now()));
    }

    @Override
    @Transactional
    public void promote(UUID partnerId, String reason, UUID manager) {
        change(partnerId, reason, manager, StandingPolicy.Move.PROMOTE);
    }

    @Override
    @Transactional
    public void demote(UUID partnerId, String reason, UUID manager) {
        change(partnerId, reason, manager, StandingPolicy.Move.DEMOTE);
    }

    @Override
    @Transactional
    public void suspend(UUID partnerId, String reason, UUID manager) {
        change(partnerId, reason, manager, StandingPolicy.Move.SUSPEND);
    }

    @Override
    @Transactional
    public void reactivate(UUID partnerId, String reason, UUID manager) {
        change(partnerId, reason, manager, StandingPolicy.Move.REACTIVATE);
    }

    private void change(UUID partnerId, String reason, UUID manager, StandingPolicy.Move move) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw RulesBroken.global("partners.reason.required");
        }
        PartnerEntity partner = partner(partnerId);
        StandingPolicy.Standing now = new StandingPolicy.Standing(partner.tier(), partner.status(),
                partner.specializationCodes().size());
        StandingPolicy.Standing next = StandingPolicy.apply(now, move);
        partner.changeStanding(next.tier(), next.status());
        partners.flush();
        Instant at = databaseClock.now();
        jdbc.update("""
                insert into partner_standing_change (partner_id, at, changed_by, from_tier, to_tier, from_status, to_status,
                                                     reason)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", partnerId, Timestamp.from(at), manager, now.tier().name(),
                next.tier().name(), now.status().name(), next.status().name(), why);
        events.publishEvent(new PartnerStandingChanged(partnerId, now.tier(), next.tier(), now.status(), next.status(),
                why, manager, at));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Change> history(UUID partnerId) {
        return jdbc.query("""
                select at, changed_by, from_tier, to_tier, from_status, to_status, reason from partner_standing_change
                 where partner_id = ? order by at desc, id desc""", (rs, n) -> new Change(
                rs.getTimestamp("at").toInstant(), rs.getObject("changed_by", UUID.class),
                Tier.valueOf(rs.getString("from_tier")), Tier.valueOf(rs.getString("to_tier")),
                PartnerStatus.valueOf(rs.getString("from_status")), PartnerStatus.valueOf(rs.getString("to_status")),
                rs.getString("reason")), partnerId);
    }

    /**
     * Locked before it is read, so two managers changing one partner at once act one after the other, each on what
     * the other left: no change undoes another, and the history tells what really happened. "No key update" leaves
     * the foreign-key checks of new registrations alone, but waits for the submissions under way, which hold the row
     * in share mode ({@link org.dealreg.partners.Partners#findHeld}), and makes those that come later wait.
     */
    private PartnerEntity partner(UUID id) {
        jdbc.query("select id from partner where id = ? for no key update", rs -> { }, id);
        return partners.findById(id).orElseThrow(() -> new NotFound("Partner"));
    }
}
