package org.dealreg.team.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.dealreg.shared.EmailAddress;

/**
 * A colleague to invite. No company field: the colleague joins the admin's own company, whatever a POST adds. The
 * role is text, checked against the two partner roles, so a forged staff role is refused with a message.
 */
public record InviteForm(
        @NotBlank @Size(max = 120) String displayName,
        @NotBlank @EmailAddress @Size(max = 254) String email,
        @NotBlank String role) {

    static InviteForm empty() {
        return new InviteForm(null, null, "PARTNER_USER");
    }
}
