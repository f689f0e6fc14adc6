package org.dealreg.identity.internal;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.dealreg.identity.Role;
import org.dealreg.shared.RulesBroken;

/** What a staff account may be: a vendor role (never a partner's), a language of the portal, a real time zone. */
final class StaffRules {

    static final List<String> LOCALES = List.of("en", "fr");
    static final List<String> ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
            "America/Los_Angeles", "Europe/Paris", "UTC");

    private StaffRules() {
    }

    static List<Role> staffRoles() {
        return Arrays.stream(Role.values()).filter(role -> !role.isPartner()).toList();
    }

    /** The staff role named, or empty for a partner role or anything else. */
    static Optional<Role> staffRole(String name) {
        return staffRoles().stream().filter(role -> role.name().equals(name)).findFirst();
    }

    static void check(StaffForm form) {
        if (staffRole(form.role()).isEmpty()) {
            throw RulesBroken.on("role", "admin.staff.role.invalid");
        }
        if (!LOCALES.contains(form.locale())) {
            throw RulesBroken.on("locale", "admin.staff.locale.invalid");
        }
        if (!ZoneId.getAvailableZoneIds().contains(form.timeZone()) && !"UTC".equals(form.timeZone())) {
            throw RulesBroken.on("timeZone", "admin.staff.timeZone.invalid");
        }
    }
}
