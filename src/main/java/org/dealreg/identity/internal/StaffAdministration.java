package org.dealreg.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.EmailTaken;
import org.dealreg.identity.Invitations;
import org.dealreg.identity.Role;
import org.dealreg.identity.StaffAccountChanged;
import org.dealreg.identity.UserAccounts;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.Paging;
import org.dealreg.shared.RulesBroken;
import org.springframework.data.domain.Page;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme admin's staff accounts: create, deactivate, reactivate, change the role among the vendor's roles.
 * Partner users are never listed nor touched here (a partner's admin manages them). Each change is published for
 * the audit trail. Deactivating also ends the account's open sessions, so it takes effect at once.
 */
@Service
class StaffAdministration {

    private final UserAccounts accounts;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Invitations invitations;

    StaffAdministration(UserAccounts accounts, JdbcTemplate jdbc, ApplicationEventPublisher events,
            Invitations invitations) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Staff accounts a page: a staff-facing list. */
    static final int PAGE_SIZE = 50;

    private static final String SELECT =
            "select id, email, display_name, role, locale, time_zone, enabled, password_set, created_at from app_user ";

    record StaffRow(UUID id, String email, String displayName, Role role, String locale, String timeZone,
            boolean enabled, boolean passwordSet, Instant createdAt) {

        /** Invited, and the link not used yet: the person cannot sign in. */
        public boolean invited() {
            return enabled && !passwordSet;
        }
    }

    /**
     * One page of the staff accounts, by name; e-mail addresses are unique whatever their case, so the order is
     * stable. PostgreSQL counts and pages them (V35's index holds them in this order).
     */
    @Transactional(readOnly = true)
    public Page<StaffRow> page(int requested) {
        return Paging.page(requested, PAGE_SIZE,
                () -> jdbc.queryForObject("select count(*) from app_user where partner_id is null", Long.class),
                (offset, limit) -> jdbc.query(SELECT + "where partner_id is null "
                        + "order by lower(display_name), lower(email) limit ? offset ?", StaffAdministration::row,
                        limit, offset));
    }

    @Transactional
    public UUID create(StaffForm form, UUID admin) {
        StaffRules.check(form);
        if (accounts.findByEmail(form.email()).isPresent()) {
            throw RulesBroken.on("email", "admin.staff.email.taken");
        }
        Role role = StaffRules.staffRole(form.role()).orElseThrow();
        UUID id;
        try {
            // invited: the colleague sets their own password through a link that works once, for 72 hours
            id = invitations.invite(new Invitations.Invitee(form.email().trim(), form.displayName().trim(), role, null,
                    Locale.forLanguageTag(form.locale()), ZoneId.of(form.timeZone())), admin);
        } catch (EmailTaken sameEmailAtOnce) {
            throw RulesBroken.on("email", "admin.staff.email.taken");
        }
        events.publishEvent(new StaffAccountChanged(id, "CREATED", role, role));
        return id;
    }

    @Transactional
    public void setEnabled(CurrentUser admin, UUID id, boolean enabled) {
        StaffRow target = lockedStaff(id);
        if (target.id().equals(admin.id())) {
            throw RulesBroken.refused("admin.staff.notYourself");
        }
        if (target.enabled() == enabled) {
            return;
        }
        if (!enabled && target.role() == Role.PROGRAM_ADMIN && otherEnabledAdmins(id) == 0) {
            throw RulesBroken.refused("admin.staff.lastAdmin");
        }
        jdbc.update("update app_user set enabled = ? where id = ?", enabled, id);
        if (!enabled) {
            jdbc.update("delete from spring_session where principal_name = ?", target.email());
        }
        events.publishEvent(new StaffAccountChanged(id, enabled ? "REACTIVATED" : "DEACTIVATED", target.role(),
                target.role()));
    }

    @Transactional
    public void changeRole(CurrentUser admin, UUID id, String roleName) {
        Role role = StaffRules.staffRole(roleName).orElseThrow(() -> RulesBroken.global("admin.staff.role.invalid"));
        if (admin.id().equals(id)) {
            throw RulesBroken.refused("admin.staff.ownRole");
        }
        StaffRow target = lockedStaff(id);
        if (target.role() == role) {
            return;
        }
        if (target.role() == Role.PROGRAM_ADMIN && target.enabled() && otherEnabledAdmins(id) == 0) {
            throw RulesBroken.refused("admin.staff.lastAdmin");
        }
        jdbc.update("update app_user set role = ? where id = ?", role.name(), id);
        // A signed-in user keeps the role read at sign-in; ending the sessions makes the new role apply now.
        jdbc.update("delete from spring_session where principal_name = ?", target.email());
        events.publishEvent(new StaffAccountChanged(id, "ROLE_CHANGED", target.role(), role));
    }

    /**
     * The staff account, with every programme admin's row locked, so that two admins demoting or deactivating each
     * other at the same moment cannot leave the programme without one.
     */
    private StaffRow lockedStaff(UUID id) {
        jdbc.queryForList("select id from app_user where role = 'PROGRAM_ADMIN' for update", UUID.class);
        return jdbc.query(SELECT + "where partner_id is null and id = ?", StaffAdministration::row, id).stream()
                .findFirst().orElseThrow(() -> new NotFound("staff account"));
    }

    /** Admins who can sign in now: an invited one who has not set a password yet is not one. */
    private long otherEnabledAdmins(UUID id) {
        return jdbc.queryForObject("select count(*) from app_user where role = 'PROGRAM_ADMIN' and enabled "
                + "and password_set and id <> ?", Long.class, id);
    }

    /** A new invitation link for a staff member who has not set a password yet; the earlier links stop working. */
    @Transactional
    public void reinvite(UUID id, UUID admin) {
        StaffRow target = jdbc.query(SELECT + "where partner_id is null and id = ?", StaffAdministration::row, id).stream()
                .findFirst().orElseThrow(() -> new NotFound("staff account"));
        if (!target.invited()) {
            throw RulesBroken.refused("admin.staff.notInvited");
        }
        invitations.reissue(null, id, admin);
    }

    private static StaffRow row(ResultSet rs, int n) throws SQLException {
        return new StaffRow(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("locale"), rs.getString("time_zone"),
                rs.getBoolean("enabled"), rs.getBoolean("password_set"), rs.getTimestamp("created_at").toInstant());
    }
}
