package org.dealreg.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.dealreg.identity.internal.PasswordRules.Problem;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    @Test
    void twelveCharactersTypedTwiceTheSameAreEnough() {
        assertThat(PasswordRules.check("abcdefghijkl", "abcdefghijkl")).isEmpty();
    }

    @Test
    void elevenCharactersAreTooShort() {
        assertThat(PasswordRules.check("abcdefghijk", "abcdefghijk"))
                .containsExactly(new Problem("password", "joining.password.tooShort"));
    }

    @Test
    void charactersCountAsTheReaderSeesThemNotAsJavaCharsSo() {
        String elevenEmoji = "😀".repeat(11);
        assertThat(PasswordRules.check(elevenEmoji, elevenEmoji)).extracting(Problem::code)
                .containsExactly("joining.password.tooShort");
    }

    @Test
    void moreThan128IsTooLong() {
        String long129 = "a".repeat(129);
        assertThat(PasswordRules.check(long129, long129)).extracting(Problem::code).containsExactly("joining.password.tooLong");
    }

    @Test
    void aDifferentConfirmationIsAMismatch() {
        assertThat(PasswordRules.check("abcdefghijkl", "abcdefghijkm"))
                .containsExactly(new Problem("confirmation", "joining.password.mismatch"));
    }

    @Test
    void nothingTypedIsTooShort() {
        assertThat(PasswordRules.check(null, null)).extracting(Problem::code).containsExactly("joining.password.tooShort");
    }
}
