package org.dealreg.credits.internal;

import org.dealreg.shared.FieldProblem;
import org.dealreg.shared.RulesBroken;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.dealreg.identity.CurrentUser;
import org.dealreg.shared.Paging;
import org.dealreg.shared.SupportedCurrency;
import org.dealreg.shared.Written;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The rep's "My credits" page and the form where they record a win on one of their own accounts. */
@Controller
@RequestMapping("/credits")
class CreditsController {

    private final CreditLedger ledger;

    CreditsController(CreditLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser rep, @RequestParam(required = false) String page, Model model) {
        model.addAttribute("statement", ledger.statement(rep, Paging.requested(page)));
        return "credits/list";
    }

    @GetMapping("/new")
    String newWin(@AuthenticationPrincipal CurrentUser rep, Model model) {
        model.addAttribute("directWinForm", DirectWinForm.empty(ledger.today(rep)));
        return form(rep, model);
    }

    @PostMapping("/new")
    String record(@AuthenticationPrincipal CurrentUser rep, @Valid @ModelAttribute("directWinForm") DirectWinForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            ledger.problems(rep, form).stream()
                    .filter(problem -> !result.hasFieldErrors(problem.field()))
                    .forEach(problem -> problem.rejectOn(result, LocaleContextHolder.getLocale()));
            return form(rep, model);
        }
        boolean recorded;
        try {
            recorded = ledger.recordDirectWin(rep, form);
        } catch (RulesBroken refused) {
            refused.problems().forEach(problem -> problem.rejectOn(result, LocaleContextHolder.getLocale()));
            return form(rep, model);
        }
        redirect.addFlashAttribute("flash", recorded ? "credits.recorded" : "credits.alreadyRecorded");
        return "redirect:/credits";
    }

    /** The form with its choices, each a value and the text shown: the rep's own accounts and the currencies. */
    private String form(CurrentUser rep, Model model) {
        Map<String, String> accounts = new LinkedHashMap<>();
        ledger.ownAccounts(rep).forEach(account -> accounts.put(account.id().toString(), account.name()));
        Map<String, String> currencies = new LinkedHashMap<>();
        Arrays.stream(SupportedCurrency.values()).forEach(currency -> currencies.put(currency.name(), currency.name()));
        model.addAttribute("accounts", accounts);
        model.addAttribute("currencies", currencies);
        return "credits/form";
    }


}
