package org.dealreg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void aPageNumberThatIsNoWholeNumberFromZeroAsksForTheFirstPage() {
        for (String malformed : Arrays.asList(null, "", "abc", "-1", "+1", "1.5", "1e3", "0x1", " 1", "١")) {
            assertThat(Paging.requested(malformed)).as(String.valueOf(malformed)).isZero();
        }
        assertThat(Paging.requested("0")).isZero();
        assertThat(Paging.requested("7")).isEqualTo(7);
    }

    @Test
    void aPageNumberPastTheEndShowsTheLastPage() {
        assertThat(Paging.shown(Paging.requested("99999999999999999999"), 55, 50)).isEqualTo(1);
        assertThat(Paging.shown(Paging.requested("2147483647"), 55, 50)).isEqualTo(1);
        assertThat(Paging.shown(2, 100, 50)).as("exactly two pages").isEqualTo(1);
        assertThat(Paging.shown(1, 100, 50)).isEqualTo(1);
        assertThat(Paging.shown(3, 0, 50)).as("nothing: the first, empty page").isZero();
    }
}
