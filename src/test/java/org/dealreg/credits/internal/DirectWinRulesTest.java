package org.dealreg.credits.internal;

import org.dealreg.shared.FieldProblem;
import org.dealreg.shared.RulesBroken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DirectWinRulesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-28");

    private final UUID rep = UUID.randomUUID();
    private final UUID own = UUID.randomUUID();
    private final UUID someoneElses = UUID.randomUUID();
    private final Map<UUID, UUID> owners = Map.of(own, rep, someoneElses, UUID.randomUUID());
    private final DirectWinRules.Context context = new DirectWinRules.Context(rep, TODAY,
            id -> Optional.ofNullable(owners.get(id)),
            (currency, day) -> currency.equals("USD") ? Optional.of(BigDecimal.ONE)
                    : day.isBefore(LocalDate.parse("2026-01-01")) ? Optional.empty() : Optional.of(new BigDecimal("1.08")));

    @Test
    void aWinOnAnOwnAccountIsValuedInDollarsAtTheRateOfItsCloseDay() {
        DirectWinRules.ValidWin win = DirectWinRules.check(form(own, "250 000,50", "EUR", TODAY.minusDays(3)), context);
        assertThat(win.accountId()).isEqualTo(own);
        assertThat(win.amount()).isEqualByComparingTo("250000.50");
        assertThat(win.currency()).isEqualTo("EUR");
        assertThat(win.amountUsd()).isEqualByComparingTo("270000.54");
        assertThat(win.closedOn()).isEqualTo(TODAY.minusDays(3));
    }

    @Test
    void anotherRepsAccountAnUnknownOneAndAMangledIdGetTheSameAnswer() {
        for (String account : new String[] {someoneElses.toString(), UUID.randomUUID().toString(), "not-an-id"}) {
            assertThat(DirectWinRules.problems(new DirectWinForm(account, "1000", "USD", TODAY, null), context))
                    .extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple("account", "credits.account.notYours"));
        }
    }

    @Test
    void theCloseDayIsTodayAtTheLatestAndAYearAgoAtTheEarliest() {
        assertThat(codes(form(own, "1000", "USD", TODAY))).isEmpty();
        assertThat(codes(form(own, "1000", "USD", TODAY.minusYears(1)))).isEmpty();
        assertThat(codes(form(own, "1000", "USD", TODAY.plusDays(1)))).containsExactly("credits.closedOn.future");
        assertThat(codes(form(own, "1000", "USD", TODAY.minusYears(1).minusDays(1)))).containsExactly("credits.closedOn.tooOld");
    }

    @Test
    void badAmountsAreRefusedOnTheAmountField() {
        assertThat(codes(form(own, "abc", "USD", TODAY))).containsExactly("credits.amount.invalid");
        assertThat(codes(form(own, "-500", "USD", TODAY))).containsExactly("credits.amount.notPositive");
        assertThat(codes(form(own, "12.345,678", "USD", TODAY))).containsExactly("credits.amount.invalid");
        assertThat(codes(form(own, "0", "USD", TODAY))).containsExactly("credits.amount.notPositive");
        assertThat(codes(form(own, "1000000000000", "USD", TODAY))).containsExactly("credits.amount.tooLarge");
    }

    @Test
    void anUnsupportedCurrencyOrOneWithoutARateOnTheCloseDayIsRefused() {
        assertThat(codes(form(own, "1000", "GBP", TODAY))).containsExactly("credits.currency.unsupported");
        assertThat(codes(form(own, "1000", "EUR", LocalDate.parse("2025-12-31")))).containsExactly("credits.currency.noRate");
    }

    @Test
    void everyBrokenRuleIsListedAndCheckStoresNothingItThrows() {
        DirectWinForm bad = form(someoneElses, "zero", "USD", TODAY.plusDays(2));
        assertThat(codes(bad)).containsExactlyInAnyOrder("credits.account.notYours", "credits.amount.invalid",
                "credits.closedOn.future");
        assertThatThrownBy(() -> DirectWinRules.check(bad, context)).isInstanceOf(RulesBroken.class);
    }

    private List<String> codes(DirectWinForm form) {
        return DirectWinRules.problems(form, context).stream().map(FieldProblem::code).toList();
    }

    private static DirectWinForm form(UUID account, String amount, String currency, LocalDate closedOn) {
        return new DirectWinForm(account.toString(), amount, currency, closedOn, null);
    }
}
