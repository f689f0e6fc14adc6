package org.dealreg.identity.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.dealreg.shared.EmailAddress;

/** The "forgot your password?" form: the e-mail to send a link to, if it is an account's. */
record ResetRequestForm(@NotBlank @EmailAddress @Size(max = 254) String email) {
}
