package org.dealreg.identity.internal;

/** The new password chosen through a reset link, typed twice; checked by {@link PasswordRules}. */
record NewPasswordForm(String password, String confirmation) {

    @Override
    public String toString() {
        return "NewPasswordForm[***]";
    }
}
