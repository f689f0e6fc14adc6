package org.dealreg.credits.internal;

import org.dealreg.shared.FieldProblem;
import org.dealreg.shared.RulesBroken;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.dealreg.identity.CurrentUser;
import org.dealreg.credits.CreditSource;
import org.dealreg.shared.ListOrder;
import org.dealreg.shared.Paging;
import org.dealreg.shared.SearchText;
import org.dealreg.shared.SupportedCurrency;
import org.dealreg.shared.Written;
import org.dealreg.web.Export;
import org.dealreg.web.ListLinks;
import org.springframework.context.MessageSource;
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
    private final Export export;
    private final MessageSource messages;

    CreditsController(CreditLedger ledger, Export export, MessageSource messages) {
        this.ledger = ledger;
        this.export = export;
        this.messages = messages;
    }

    /** The rep's own credits that the list's search and source keep, in its order, as a file (docs/exports.md). */
    @GetMapping("/export")
    void export(@AuthenticationPrincipal CurrentUser rep, @RequestParam(required = false) String q,
            @RequestParam(required = false) String source, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(defaultValue = "") String format,
            HttpServletResponse response) throws IOException {
        CreditLedger.ListQuery query = query(q, source, sort, dir);
        Export.Format chosen = Export.Format.named(format);
        Locale locale = LocaleContextHolder.getLocale();
        Export.Columns<CreditStatement.Line> columns = new Export.Columns<CreditStatement.Line>()
                .day("credits.closedOn", CreditStatement.Line::closedOn)
                .text("credits.account", CreditStatement.Line::accountName)
                .number("credits.amountUsd", CreditStatement.Line::amountUsd)
                .number("credits.amountAsWon", CreditStatement.Line::amount)
                .text("deal.currency", CreditStatement.Line::currency)
                .text("credits.source", line -> messages.getMessage("credits.source." + line.source(), null, locale));
        export.send(response, "credits", chosen, columns, sink -> ledger.exportOwn(rep, query, sink));
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser rep, @RequestParam(required = false) String q,
            @RequestParam(required = false) String source, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String page, Model model) {
        CreditLedger.ListQuery query = query(q, source, sort, dir);
        model.addAttribute("statement", ledger.statement(rep, query, Paging.requested(page)));
        model.addAttribute("query", query);
        model.addAttribute("sources", CreditSource.values());
        model.addAttribute("links", ListLinks.of("/credits", query.order(), "q", query.search().orNull(), "source",
                query.source() == null ? null : query.source().name()));
        return "credits/list";
    }

    private static CreditLedger.ListQuery query(String q, String source, String sort, String dir) {
        return new CreditLedger.ListQuery(
                Arrays.stream(CreditSource.values()).filter(s -> s.name().equals(source)).findFirst().orElse(null),
                SearchText.of(q), ListOrder.of(sort, dir, CreditLedger.ORDERS));
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
            FieldProblem.rejectOnUnmarked(ledger.problems(rep, form), result, LocaleContextHolder.getLocale());
            return form(rep, model);
        }
        boolean recorded;
        try {
            recorded = ledger.recordDirectWin(rep, form);
        } catch (RulesBroken refused) {
            refused.rejectOn(result, LocaleContextHolder.getLocale());
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
