package org.dealreg.registration.internal;

import org.dealreg.shared.FieldProblem;
import org.dealreg.shared.RulesBroken;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SubmissionRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final Map<String, BigDecimal> RATES = Map.of("USD", BigDecimal.ONE, "EUR", new BigDecimal("1.08"));
    private final SubmissionRules.Context context = new SubmissionRules.Context(TODAY, new BigDecimal("75000"),
            Set.of("INFRASTRUCTURE", "MANAGED_SERVICES"), c -> Optional.ofNullable(RATES.get(c)));

    @Test
    void aDealAtTheMinimumIsAccepted() {
        ValidDeal deal = SubmissionRules.check(form("75000", "USD", TODAY.plusMonths(3)), context);

        assertThat(deal.amountUsd()).isEqualByComparingTo("75000.00");
        assertThat(deal.usdPerUnit()).isEqualByComparingTo("1");
        assertThat(deal.customerName()).isEqualTo("Globex Corporation");
    }

    @Test
    void aDealJustBelowTheMinimumIsRefusedOnTheAmount() {
        assertThat(codes(form("74999.99", "USD", TODAY.plusMonths(3)))).containsExactly("amount:deal.amount.belowMinimum");
    }

    @Test
    void aEuroAmountIsConvertedAtTheRateInForceAndCheckedInDollars() {
        ValidDeal deal = SubmissionRules.check(form("70 000,00", "EUR", TODAY.plusMonths(3)), context);
        assertThat(deal.amountUsd()).isEqualByComparingTo("75600.00");
        assertThat(deal.usdPerUnit()).isEqualByComparingTo("1.08");

        assertThat(codes(form("69000", "EUR", TODAY.plusMonths(3)))).containsExactly("amount:deal.amount.belowMinimum");
        assertThat(codes(form("69444.44", "EUR", TODAY.plusMonths(3))))
                .as("74,999.9952 USD rounds to 75,000.00 but is below the minimum")
                .containsExactly("amount:deal.amount.belowMinimum");
        assertThat(SubmissionRules.check(form("69444.45", "EUR", TODAY.plusMonths(3)), context).amountUsd())
                .isEqualByComparingTo("75000.01");
    }

    @Test
    void aLoweredMinimumLetsSmallerDealsIn() {
        var lowered = new SubmissionRules.Context(TODAY, new BigDecimal("50000"), context.activeSpecializations(),
                context.usdPerUnit());
        assertThat(SubmissionRules.check(form("60000", "USD", TODAY.plusMonths(3)), lowered).amount())
                .isEqualByComparingTo("60000");
    }

    @Test
    void amountsThatAreNotSensibleAreRefusedWithTheirReason() {
        LocalDate close = TODAY.plusMonths(3);
        assertThat(codes(form("0", "USD", close))).containsExactly("amount:deal.amount.notPositive");
        assertThat(codes(form("-80000", "USD", close))).containsExactly("amount:deal.amount.notPositive");
        assertThat(codes(form("ten thousand", "USD", close))).containsExactly("amount:deal.amount.invalid");
        assertThat(codes(form("1000000000000", "USD", close))).containsExactly("amount:deal.amount.tooLarge");
        assertThat(codes(form("80000.123", "USD", close))).containsExactly("amount:deal.amount.scale");
    }

    @Test
    void anUnknownCurrencyOrOneWithoutARateIsRefused() {
        assertThat(codes(form("80000", "GBP", TODAY.plusMonths(3)))).containsExactly("currency:deal.currency.unsupported");
        var noEuroRate = new SubmissionRules.Context(TODAY, new BigDecimal("75000"), context.activeSpecializations(),
                c -> c.equals("USD") ? Optional.of(BigDecimal.ONE) : Optional.empty());
        assertThat(SubmissionRules.problems(form("80000", "EUR", TODAY.plusMonths(3)), noEuroRate))
                .extracting(FieldProblem::code).containsExactly("deal.currency.noRate");
    }

    @Test
    void theCloseDateMustBeAfterTodayAndWithinEighteenMonths() {
        assertThat(codes(form("80000", "USD", TODAY))).containsExactly("expectedCloseDate:deal.closeDate.notFuture");
        assertThat(codes(form("80000", "USD", TODAY.minusDays(1)))).containsExactly("expectedCloseDate:deal.closeDate.notFuture");
        assertThat(codes(form("80000", "USD", TODAY.plusMonths(18).plusDays(1))))
                .containsExactly("expectedCloseDate:deal.closeDate.tooFar");
        assertThat(SubmissionRules.check(form("80000", "USD", TODAY.plusMonths(18)), context)).isNotNull();
        assertThat(SubmissionRules.check(form("80000", "USD", TODAY.plusDays(1)), context)).isNotNull();
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        DealForm bad = new DealForm("Globex", "not a site", "ZZ", null, "Jane", "jane@globex.example", null, "Servers",
                "Racks", "UNKNOWN", "abc", "XXX", TODAY.minusDays(3), null);
        assertThat(SubmissionRules.problems(bad, context)).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("customerCountry", "customerWebsite", "specialization", "expectedCloseDate",
                        "currency", "amount");
    }

    private List<String> codes(DealForm form) {
        try {
            SubmissionRules.check(form, context);
            return List.of();
        } catch (RulesBroken refused) {
            return refused.problems().stream().map(p -> p.field() + ":" + p.code()).toList();
        }
    }

    static DealForm form(String amount, String currency, LocalDate close) {
        return new DealForm("  Globex Corporation ", "https://globex.example", "US", "Springfield", "Jane Doe",
                "jane@globex.example", "+1 555 0100", "Data centre refresh", "Forty racks of servers.", "INFRASTRUCTURE",
                amount, currency, close, "HP");
    }
}
