package org.dealreg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.dealreg.web.ListLinks;
import org.junit.jupiter.api.Test;

/** The one way lists are sorted and searched, and how their links carry both (docs/lists.md). */
class ListOrderTest {

    private static final ListOrder.Columns COLUMNS = ListOrder.columns("id")
            .descending("amount", "amount_usd")
            .ascending("name", "lower(name)")
            .byDefault("amount");

    @Test
    void anUnknownColumnIsTheDefaultOrderAndAnOddDirectionTheColumnsFirst() {
        assertThat(ListOrder.of("amount_usd; drop table partner", "asc", COLUMNS)).isEqualTo(COLUMNS.byDefault());
        assertThat(ListOrder.of(null, null, COLUMNS).sql()).isEqualTo("amount_usd desc nulls last, id");
        assertThat(ListOrder.of("NAME", "sideways", COLUMNS).sql()).isEqualTo("lower(name) asc nulls last, id");
        assertThat(ListOrder.of("name", "DESC", COLUMNS).sql()).isEqualTo("lower(name) desc nulls last, id");
    }

    @Test
    void aClickOnTheSortedHeaderTurnsTheOrderRoundAndOnAnotherAsksForItsFirstDirection() {
        ListOrder byName = ListOrder.of("name", "asc", COLUMNS);
        assertThat(byName.nextDirection("name")).isEqualTo("desc");
        assertThat(byName.nextDirection("amount")).isEqualTo("desc");
        assertThat(ListOrder.of("amount", "desc", COLUMNS).nextDirection("name")).isEqualTo("asc");
        assertThat(byName.ariaSort("name")).isEqualTo("ascending");
        assertThat(byName.ariaSort("amount")).isEqualTo("none");
    }

    @Test
    void theLinksCarryTheSearchFiltersAndOrderStrictlyEncodedAndLeaveOutWhatIsNotChosen() {
        ListLinks plain = ListLinks.of("/partners", COLUMNS.byDefault(), "q", null, "tier", "");
        assertThat(plain.page()).isEqualTo("/partners");
        assertThat(plain.export("csv")).isEqualTo("/partners/export?format=csv");

        ListLinks chosen = ListLinks.of("/partners", ListOrder.of("name", "asc", COLUMNS), "q",
                SearchText.of("  C++   & Co ").orNull(), "tier", "CERTIFIED");
        assertThat(chosen.page()).isEqualTo("/partners?q=C%2B%2B%20%26%20Co&tier=CERTIFIED&sort=name&dir=asc");
        assertThat(chosen.sortedBy("name")).isEqualTo("/partners?q=C%2B%2B%20%26%20Co&tier=CERTIFIED&sort=name&dir=desc");
        assertThat(chosen.sortedBy("amount")).as("the default order is left out")
                .isEqualTo("/partners?q=C%2B%2B%20%26%20Co&tier=CERTIFIED");
    }

    @Test
    void aSearchIsTrimmedCutAndItsWildcardsAreCharacters() {
        assertThat(SearchText.of(null).isEmpty()).isTrue();
        assertThat(SearchText.of("   ").orNull()).isNull();
        assertThat(SearchText.of("x".repeat(500)).text()).hasSize(SearchText.MAX_LENGTH);
        assertThat(SearchText.of("50%_OFF\\").containedLowerCase()).isEqualTo("%50\\%\\_off\\\\%");
    }
}
