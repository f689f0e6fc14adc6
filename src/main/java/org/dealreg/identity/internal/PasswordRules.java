package org.dealreg.identity.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A password set through an invitation: at least 12 characters (a passphrase beats forced symbols), at most 128, and
 * typed twice the same. Answers the message code of each problem, by field.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private PasswordRules() {
    }

    public record Problem(String field, String code) {
    }

    static List<Problem> check(String password, String confirmation) {
        List<Problem> problems = new ArrayList<>();
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add(new Problem("password", "joining.password.tooShort"));
        } else if (length > MAX_LENGTH) {
            problems.add(new Problem("password", "joining.password.tooLong"));
        }
        if (password != null && !password.equals(confirmation)) {
            problems.add(new Problem("confirmation", "joining.password.mismatch"));
        }
        return problems;
    }
}
