package org.dealreg.credits.internal;

import org.dealreg.shared.FieldProblem;
import org.dealreg.shared.RulesBroken;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.dealreg.shared.Amounts;
import org.dealreg.shared.SupportedCurrency;

/**
 * The rules a rep's direct win meets before it is credited: an account the rep owns now (an unknown id gets the
 * same answer, so the form cannot tell which accounts exist), an amount above zero and below 10^12 with at most two
 * decimals, a supported currency with a rate in force on the day it closed, and a close day neither after the rep's
 * today nor more than a year before it. Field-format rules (required, length) are the form's annotations.
 */
final class DirectWinRules {


    /** Who records it and on which day (in their time zone), and how to read owners and rates. */
    record Context(UUID repId, LocalDate today, Function<UUID, Optional<UUID>> ownerOf,
            BiFunction<String, LocalDate, Optional<BigDecimal>> usdPerUnit) {
    }

    record ValidWin(UUID accountId, BigDecimal amount, String currency, BigDecimal amountUsd, LocalDate closedOn) {
    }

    private DirectWinRules() {
    }

    /** The win to credit, or {@link RulesBroken} listing every broken rule. */
    static ValidWin check(DirectWinForm form, Context context) {
        List<FieldProblem> problems = new ArrayList<>();
        ValidWin win = evaluate(form, context, problems);
        if (!problems.isEmpty()) {
            throw new RulesBroken(problems);
        }
        return win;
    }

    /** Every broken rule of a form that may be incomplete, so the rep sees all of them at once. */
    static List<FieldProblem> problems(DirectWinForm form, Context context) {
        List<FieldProblem> problems = new ArrayList<>();
        evaluate(form, context, problems);
        return problems;
    }

    private static ValidWin evaluate(DirectWinForm form, Context context, List<FieldProblem> problems) {
        UUID account = ownAccount(form.account(), context, problems);
        LocalDate closedOn = closedOn(form.closedOn(), context.today(), problems);
        BigDecimal amount = amount(form.amount(), problems);
        Optional<SupportedCurrency> currency = SupportedCurrency.parse(form.currency());
        if (form.currency() != null && !form.currency().isBlank() && currency.isEmpty()) {
            problems.add(FieldProblem.on("currency", "credits.currency.unsupported"));
        }
        BigDecimal usdPerUnit = null;
        if (currency.isPresent() && closedOn != null) {
            usdPerUnit = context.usdPerUnit().apply(currency.get().name(), closedOn).orElse(null);
            if (usdPerUnit == null) {
                problems.add(FieldProblem.on("currency", "credits.currency.noRate", currency.get().name(), closedOn));
            }
        }
        if (account == null || closedOn == null || amount == null || usdPerUnit == null) {
            return null;
        }
        BigDecimal amountUsd = amount.multiply(usdPerUnit).setScale(2, RoundingMode.HALF_EVEN);
        if (amountUsd.signum() <= 0) {
            problems.add(FieldProblem.on("amount", "credits.amount.notPositive"));
            return null;
        }
        return new ValidWin(account, amount, currency.get().name(), amountUsd, closedOn);
    }

    private static UUID ownAccount(String text, Context context, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null || !context.ownerOf().apply(id).map(context.repId()::equals).orElse(false)) {
            problems.add(FieldProblem.on("account", "credits.account.notYours"));
            return null;
        }
        return id;
    }

    private static LocalDate closedOn(LocalDate day, LocalDate today, List<FieldProblem> problems) {
        if (day == null) {
            return null;
        }
        LocalDate earliest = today.minusYears(1);
        if (day.isAfter(today)) {
            problems.add(FieldProblem.on("closedOn", "credits.closedOn.future"));
            return null;
        }
        if (day.isBefore(earliest)) {
            problems.add(FieldProblem.on("closedOn", "credits.closedOn.tooOld", earliest));
            return null;
        }
        return day;
    }

    private static BigDecimal amount(String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Amounts.Reading reading = Amounts.money(text);
        if (reading.problem() != null) {
            problems.add(FieldProblem.on("amount", switch (reading.problem()) {
                case INVALID, SCALE -> "credits.amount.invalid";
                case NOT_POSITIVE -> "credits.amount.notPositive";
                case TOO_LARGE -> "credits.amount.tooLarge";
            }));
        }
        return reading.amount();
    }
}
