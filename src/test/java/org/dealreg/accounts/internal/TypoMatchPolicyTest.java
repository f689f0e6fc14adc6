package org.dealreg.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class TypoMatchPolicyTest {

    @Test
    void aLetterMissingAddedReplacedOrTwoNeighboursSwappedIsOneMistake() {
        assertThat(mistakes("globex", "globx")).isEqualTo(1);
        assertThat(mistakes("contoso", "contosso")).isEqualTo(1);
        assertThat(mistakes("fabrikam", "fabrikan")).isEqualTo(1);
        assertThat(mistakes("atos", "atso")).isEqualTo(1);
        assertThat(mistakes("contoso", "kontosso")).isEqualTo(2);
        assertThat(mistakes("maple", "marble")).isEqualTo(2);
    }

    @Test
    void aShortOneWordNameWithOneMistakeIsATypo() {
        assertThat(TypoMatchPolicy.score("globex", "globx")).contains(new BigDecimal("0.833"));
        assertThat(TypoMatchPolicy.score("atos", "atso")).isPresent();
        assertThat(TypoMatchPolicy.score("wonka", "wnoka")).isPresent();
        assertThat(TypoMatchPolicy.score("engie", "engi")).isPresent();
    }

    @Test
    void twoMistakesAreATypoOnlyWhenBothNamesHaveSixLettersOrMore() {
        assertThat(TypoMatchPolicy.score("contoso", "kontosso")).contains(new BigDecimal("0.750"));
        assertThat(TypoMatchPolicy.score("carrefour", "carfour")).isPresent();
        assertThat(TypoMatchPolicy.score("maple", "marble")).as("five letters allow one").isEmpty();
        assertThat(TypoMatchPolicy.score("globex", "glbx")).as("four letters allow one").isEmpty();
        assertThat(TypoMatchPolicy.score("contoso", "kontossi")).as("three mistakes").isEmpty();
    }

    @Test
    void namesUnderFourLettersOrOfSeveralWordsOrEqualAreNotTypos() {
        assertThat(TypoMatchPolicy.score("ibm", "ibn")).isEmpty();
        assertThat(TypoMatchPolicy.score("acme energy", "apex energy")).isEmpty();
        assertThat(TypoMatchPolicy.score("zenith labs", "zenith lbas")).isEmpty();
        assertThat(TypoMatchPolicy.score("globex", "globex")).isEmpty();
    }

    private static int mistakes(String a, String b) {
        return TypoMatchPolicy.mistakes(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
