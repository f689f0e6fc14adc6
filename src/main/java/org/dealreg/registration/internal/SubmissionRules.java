package org.dealreg.registration.internal;

import org.dealreg.shared.FieldProblem;
import org.dealreg.shared.RulesBroken;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.dealreg.shared.Amounts;
import org.dealreg.shared.CustomerNormaliser;
import org.dealreg.shared.SupportedCurrency;

/**
 * The rules a registration's content must meet before it is stored (DESIGN.md §3, §4): a known
 * country, website and specialisation, an amount that is a number above zero and below 10^12 with at
 * most two decimals, worth at least the programme minimum in US dollars at the rate in force, and an
 * expected close date after today and at most 18 months away. Field-format rules (required, length,
 * e-mail) are the form's bean-validation annotations.
 */
final class SubmissionRules {

    static final int MAX_CLOSE_MONTHS = 18;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    record Context(LocalDate today, BigDecimal minimumUsd, Set<String> activeSpecializations,
            Function<String, Optional<BigDecimal>> usdPerUnit) {
    }

    private SubmissionRules() {
    }

    static boolean isKnownCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    /**
     * Whether the pre-check may look at what was typed so far: a customer's name, a website that is one (or none) and a
     * known country, within the form's sizes. Anything else is answered "invalid" and counts against no limit.
     */
    static boolean precheckable(String customerName, String customerWebsite, String customerCountry) {
        return !customerName.isBlank() && customerName.length() <= 200 && customerWebsite.length() <= 255
                && isKnownCountry(customerCountry) && CustomerNormaliser.isValidWebsite(customerWebsite);
    }

    /** The content to store, or {@link RulesBroken} listing every broken rule. */
    static ValidDeal check(DealForm form, Context context) {
        Evaluation e = evaluate(form, context);
        if (!e.problems().isEmpty()) {
            throw new RulesBroken(e.problems());
        }
        return new ValidDeal(trim(form.customerName()), trim(form.customerWebsite()), trim(form.customerCountry()),
                trim(form.customerCity()), trim(form.contactName()), trim(form.contactEmail()), trim(form.contactPhone()),
                trim(form.title()), trim(form.description()), trim(form.competitors()), form.specialization(),
                e.amount(), e.currency(), e.usdPerUnit(), e.amountUsd(), form.expectedCloseDate());
    }

    /** Every broken rule of a form that may be incomplete, so the partner sees all of them at once. */
    static List<FieldProblem> problems(DealForm form, Context context) {
        return evaluate(form, context).problems();
    }

    private record Evaluation(List<FieldProblem> problems, BigDecimal amount, String currency, BigDecimal usdPerUnit,
            BigDecimal amountUsd) {
    }

    private static Evaluation evaluate(DealForm form, Context context) {
        List<FieldProblem> problems = new ArrayList<>();
        String country = trim(form.customerCountry());
        if (country != null && !COUNTRIES.contains(country)) {
            problems.add(FieldProblem.on("customerCountry", "deal.country.unknown"));
        }
        if (!CustomerNormaliser.isValidWebsite(form.customerWebsite())) {
            problems.add(FieldProblem.on("customerWebsite", "deal.website.invalid"));
        }
        if (form.specialization() != null && !context.activeSpecializations().contains(form.specialization())) {
            problems.add(FieldProblem.on("specialization", "deal.specialization.unknown"));
        }
        LocalDate close = form.expectedCloseDate();
        if (close != null) {
            LocalDate latest = context.today().plusMonths(MAX_CLOSE_MONTHS);
            if (!close.isAfter(context.today())) {
                problems.add(FieldProblem.on("expectedCloseDate", "deal.closeDate.notFuture"));
            } else if (close.isAfter(latest)) {
                problems.add(FieldProblem.on("expectedCloseDate", "deal.closeDate.tooFar", latest));
            }
        }
        Optional<SupportedCurrency> currency = SupportedCurrency.parse(form.currency());
        if (form.currency() != null && currency.isEmpty()) {
            problems.add(FieldProblem.on("currency", "deal.currency.unsupported"));
        }
        BigDecimal amount = amount(form.amount(), problems);
        BigDecimal usdPerUnit = null;
        BigDecimal amountUsd = null;
        if (currency.isPresent()) {
            usdPerUnit = context.usdPerUnit().apply(currency.get().name()).orElse(null);
            if (usdPerUnit == null) {
                problems.add(FieldProblem.on("currency", "deal.currency.noRate", currency.get().name()));
            }
        }
        if (amount != null && usdPerUnit != null) {
            BigDecimal exactUsd = amount.multiply(usdPerUnit);
            amountUsd = exactUsd.setScale(2, RoundingMode.HALF_EVEN);
            // compared before rounding: 74,999.9952 is below 75,000 even though it rounds to it
            if (exactUsd.compareTo(context.minimumUsd()) < 0) {
                problems.add(FieldProblem.on("amount", "deal.amount.belowMinimum", context.minimumUsd(), exactUsd));
            }
        }
        return new Evaluation(problems, amount, currency.map(Enum::name).orElse(null), usdPerUnit, amountUsd);
    }

    /** A positive amount of at most two decimals, or null with the problem noted on the "amount" field. */
    static BigDecimal amount(String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Amounts.Reading reading = Amounts.money(text);
        if (reading.problem() != null) {
            problems.add(switch (reading.problem()) {
                case INVALID -> FieldProblem.on("amount", "deal.amount.invalid");
                case NOT_POSITIVE -> FieldProblem.on("amount", "deal.amount.notPositive");
                case TOO_LARGE -> FieldProblem.on("amount", "deal.amount.tooLarge", Amounts.MAX);
                case SCALE -> FieldProblem.on("amount", "deal.amount.scale");
            });
        }
        return reading.amount();
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
