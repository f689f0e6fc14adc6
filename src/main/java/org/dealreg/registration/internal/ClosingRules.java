package org.dealreg.registration.internal;

import org.dealreg.shared.FieldProblem;
import org.dealreg.shared.RulesBroken;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.dealreg.shared.SupportedCurrency;

/**
 * What closing an approved registration needs, without Spring. Won: an amount above zero, a supported currency with
 * a rate in force on the day it was won, and that day — not in the future, not before the registration was
 * submitted. Lost: a reason, and it is lost today.
 */
final class ClosingRules {

    /** {@code usdPerUnit} answers the rate of a currency in force on a day. */
    record Context(LocalDate today, LocalDate submittedOn, BiFunction<String, LocalDate, Optional<BigDecimal>> usdPerUnit) {
    }

    private ClosingRules() {
    }

    static List<FieldProblem> problems(CloseForm form, Context context) {
        return evaluate(form, context).problems();
    }

    /** @throws RulesBroken with every problem when the close breaks a rule */
    static ValidClose check(CloseForm form, Context context) {
        Evaluation evaluation = evaluate(form, context);
        if (!evaluation.problems().isEmpty()) {
            throw new RulesBroken(evaluation.problems());
        }
        return evaluation.close();
    }

    private record Evaluation(List<FieldProblem> problems, ValidClose close) {
    }

    private static Evaluation evaluate(CloseForm form, Context context) {
        List<FieldProblem> problems = new ArrayList<>();
        if ("LOST".equals(form.outcome())) {
            String reason = form.lostReason() == null ? "" : form.lostReason().strip();
            if (reason.isEmpty()) {
                problems.add(FieldProblem.on("lostReason", "close.lostReason.required"));
            }
            return new Evaluation(problems, new ValidClose(null, reason, context.today()));
        }
        if (!"WON".equals(form.outcome())) {
            problems.add(FieldProblem.on("outcome", "close.outcome.required"));
            return new Evaluation(problems, null);
        }
        BigDecimal amount = null;
        if (form.amount() == null || form.amount().isBlank()) {
            problems.add(FieldProblem.on("amount", "close.amount.required"));
        } else {
            amount = SubmissionRules.amount(form.amount(), problems);
        }
        LocalDate on = form.closedOn();
        if (on == null) {
            problems.add(FieldProblem.on("closedOn", "close.closedOn.required"));
        } else if (on.isAfter(context.today())) {
            problems.add(FieldProblem.on("closedOn", "close.closedOn.future"));
        } else if (on.isBefore(context.submittedOn())) {
            problems.add(FieldProblem.on("closedOn", "close.closedOn.beforeSubmission", context.submittedOn()));
        }
        Optional<SupportedCurrency> currency = SupportedCurrency.parse(form.currency());
        BigDecimal usdPerUnit = null;
        if (currency.isEmpty()) {
            problems.add(FieldProblem.on("currency", "deal.currency.unsupported"));
        } else if (on != null && problems.stream().noneMatch(p -> "closedOn".equals(p.field()))) {
            usdPerUnit = context.usdPerUnit().apply(currency.get().name(), on).orElse(null);
            if (usdPerUnit == null) {
                problems.add(FieldProblem.on("currency", "close.currency.noRate", currency.get().name()));
            }
        }
        if (!problems.isEmpty()) {
            return new Evaluation(problems, null);
        }
        BigDecimal amountUsd = amount.multiply(usdPerUnit).setScale(2, RoundingMode.HALF_EVEN);
        if (amountUsd.signum() <= 0) {
            problems.add(FieldProblem.on("amount", "deal.amount.notPositive"));
            return new Evaluation(problems, null);
        }
        return new Evaluation(problems, new ValidClose(
                new ValidClose.Won(amount, currency.get().name(), usdPerUnit, amountUsd, on), null, on));
    }
}
