package org.dealreg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;

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

    @Test
    void aPageIsCountedFirstThenReadFromTheOffsetOfThePageShown() {
        List<String> asked = new ArrayList<>();
        Page<Long> last = Paging.page(7, 50, () -> 55, (offset, limit) -> {
            asked.add(offset + "+" + limit);
            return List.of(50L, 51L, 52L, 53L, 54L);
        });
        assertThat(asked).as("past the end: the last page's rows").containsExactly("50+50");
        assertThat(last.getNumber()).isEqualTo(1);
        assertThat(last.getTotalPages()).isEqualTo(2);
        assertThat(last.getTotalElements()).isEqualTo(55);
        assertThat(last.getContent()).hasSize(5);

        Page<Long> none = Paging.page(3, 20, () -> 0, (offset, limit) -> {
            throw new AssertionError("nothing to read");
        });
        assertThat(none.getNumber()).isZero();
        assertThat(none.getContent()).isEmpty();
        assertThat(none.getTotalPages()).as("one empty page: no pagination shown").isLessThanOrEqualTo(1);
    }
}
