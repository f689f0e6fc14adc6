package org.dealreg.identity.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.dealreg.shared.EmailAddress;

/**
 * A staff account to create. The role, language and time zone arrive as text and are checked against the staff
 * roles and the lists the page offers, so a forged value gets a message rather than an error page. No password: the
 * new colleague sets their own through the invitation link mailed to them.
 */
record StaffForm(
        @NotBlank @Size(max = 120) String displayName,
        @NotBlank @EmailAddress @Size(max = 254) String email,
        @NotBlank String role,
        @NotBlank String locale,
        @NotBlank String timeZone) {

    static StaffForm empty() {
        return new StaffForm(null, null, "CHANNEL_MANAGER", "en", "America/New_York");
    }

    @Override
    public String toString() {
        return "StaffForm[" + email + ", " + role + "]";
    }
}
