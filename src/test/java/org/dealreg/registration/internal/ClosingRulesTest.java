package org.dealreg.registration.internal;

import org.dealreg.shared.FieldProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ClosingRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 10);
    private static final LocalDate SUBMITTED = LocalDate.of(2027, 1, 5);
    private static final ClosingRules.Context CONTEXT = new ClosingRules.Context(TODAY, SUBMITTED, (currency, day) ->
            currency.equals("USD") ? Optional.of(BigDecimal.ONE)
                    : day.isBefore(LocalDate.of(2027, 3, 1)) ? Optional.of(new BigDecimal("1.05")) : Optional.of(new BigDecimal("1.10")));

    private static CloseForm won(String amount, String currency, LocalDate on) {
        return new CloseForm("WON", amount, currency, on, null, 3);
    }

    private static List<String> codes(CloseForm form) {
        return ClosingRules.problems(form, CONTEXT).stream().map(FieldProblem::code).toList();
    }

    @Test
    void aWinIsValuedAtTheRateOfTheDayItWasWon() {
        ValidClose before = ClosingRules.check(won("100000", "EUR", LocalDate.of(2027, 2, 27)), CONTEXT);
        ValidClose after = ClosingRules.check(won("100000", "EUR", LocalDate.of(2027, 3, 2)), CONTEXT);

        assertThat(before.won().amountUsd()).isEqualByComparingTo("105000.00");
        assertThat(after.won().amountUsd()).isEqualByComparingTo("110000.00");
    }

    @Test
    void aWinNeedsAnAmountAboveZero() {
        assertThat(codes(won("0", "USD", TODAY))).containsExactly("deal.amount.notPositive");
        assertThat(codes(won("-1", "USD", TODAY))).containsExactly("deal.amount.notPositive");
        assertThat(codes(won("", "USD", TODAY))).containsExactly("close.amount.required");
    }

    @Test
    void theDayWonIsNeitherInTheFutureNorBeforeTheSubmission() {
        assertThat(codes(won("1", "USD", TODAY.plusDays(1)))).containsExactly("close.closedOn.future");
        assertThat(codes(won("1", "USD", SUBMITTED.minusDays(1)))).containsExactly("close.closedOn.beforeSubmission");
        assertThat(codes(won("1", "USD", null))).containsExactly("close.closedOn.required");
        assertThat(codes(won("1", "USD", SUBMITTED))).isEmpty();
    }

    @Test
    void aLossNeedsAReasonAndIsLostToday() {
        assertThat(codes(new CloseForm("LOST", null, null, null, "  ", 3))).containsExactly("close.lostReason.required");
        ValidClose lost = ClosingRules.check(new CloseForm("LOST", null, null, null, " Budget cut. ", 3), CONTEXT);
        assertThat(lost.won()).isNull();
        assertThat(lost.lostReason()).isEqualTo("Budget cut.");
        assertThat(lost.closedOn()).isEqualTo(TODAY);
    }

    @Test
    void anUnknownCurrencyOrOutcomeIsRefused() {
        assertThat(codes(won("1", "GBP", TODAY))).containsExactly("deal.currency.unsupported");
        assertThat(codes(new CloseForm("MAYBE", "1", "USD", TODAY, null, 3))).containsExactly("close.outcome.required");
    }
}
