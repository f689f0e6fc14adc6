package org.dealreg.identity.internal;

import org.dealreg.shared.Verbatim;

/**
 * A new password typed twice, through an invitation or a reset link; kept exactly as typed (no trim, no
 * normalising: what is typed at sign-in must match) and checked by {@link PasswordRules}.
 */
record NewPasswordForm(@Verbatim String password, @Verbatim String confirmation) {

    @Override
    public String toString() {
        return "NewPasswordForm[***]";
    }
}
