package org.dealreg.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypedTextTest {

    @Test
    void keepsTextTrimmedAndComposed() {
        assertThat(TypedText.clean("  Acme Corp\u00A0 ", false)).isEqualTo("Acme Corp");
        assertThat(TypedText.clean("Soci\u0065\u0301t\u00E9", false)).isEqualTo("Soci\u00E9t\u00E9");
        assertThat(TypedText.clean("\u200BAcme\uFEFF", false)).isEqualTo("Acme");
        assertThat(TypedText.clean("\u0915\u094D\u200D\u0937", false)).isEqualTo("\u0915\u094D\u200D\u0937");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u200B", "\u200B\u200C\u200D", "\u2060\uFEFF", " \u3164 ", "\u00A0\u202F", "\u2800"})
    void aValueWithNothingVisibleIsEmpty(String typed) {
        assertThat(TypedText.clean(typed, false)).isNull();
        assertThat(TypedText.clean(typed, true)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme\u0000", "\u0000", "\u0001\u0007\u001B[31mRed", "USD\u0000", "5\u0000", "a\u007Fb", "a\u0085b",
            "a\u009Bb"})
    void refusesControlCharactersEvenInMultiLineFields(String typed) {
        assertThat(TypedText.problem(typed, false)).isEqualTo(TypedText.CONTROL);
        assertThat(TypedText.problem(typed, true)).isEqualTo(TypedText.CONTROL);
        assertThatThrownBy(() -> TypedText.clean(typed, true)).isInstanceOf(RulesBroken.class)
                .extracting(e -> ((RulesBroken) e).code()).isEqualTo(TypedText.CONTROL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"line one\nline two", "a\r\nb", "tab\there", "a\u2028b"})
    void tabsAndLineBreaksOnlyInMultiLineFields(String typed) {
        assertThat(TypedText.problem(typed, false)).isEqualTo(TypedText.SINGLE_LINE);
        assertThat(TypedText.problem(typed, true)).isNull();
        assertThat(TypedText.clean(typed, true)).isEqualTo(typed);
    }

    @Test
    void aFieldSentTwiceIsRefused() {
        assertThatThrownBy(() -> TypedText.single(List.of("Dup A", "Dup B"), false)).isInstanceOf(RulesBroken.class)
                .extracting(e -> ((RulesBroken) e).code()).isEqualTo(TypedText.TWICE);
        assertThat(TypedText.single(List.of(" 7 "), false)).isEqualTo("7");
        assertThat(TypedText.single(List.of(), false)).isNull();
    }
}
