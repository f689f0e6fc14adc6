package org.dealreg.accounts.internal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.dealreg.identity.CurrentUser;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.Paging;
import org.dealreg.web.Export;
import org.dealreg.web.ListLinks;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/accounts")
class AccountsController {

    private final AccountDirectory directory;
    private final Export export;
    private final MessageSource messages;

    AccountsController(AccountDirectory directory, Export export, MessageSource messages) {
        this.directory = directory;
        this.export = export;
        this.messages = messages;
    }

    /** The list as a file, every page: the user's own accounts, or the search's matches, in its order (docs/exports.md). */
    @GetMapping("/export")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(defaultValue = "") String format, HttpServletResponse response) throws IOException {
        AccountDirectory.ListQuery query = AccountDirectory.ListQuery.of(q, sort, dir);
        Export.Format chosen = Export.Format.named(format);
        Locale locale = LocaleContextHolder.getLocale();
        String engaged = messages.getMessage("account.engaged", null, locale);
        String notEngaged = messages.getMessage("account.notEngaged", null, locale);
        Export.Columns<AccountDirectory.AccountLine> columns = new Export.Columns<AccountDirectory.AccountLine>()
                .text("account.name", AccountDirectory.AccountLine::name)
                .text("account.crmId", AccountDirectory.AccountLine::crmId)
                .text("account.country", a -> new Locale("", a.country()).getDisplayCountry(locale))
                .text("account.domains", AccountDirectory.AccountLine::domains)
                .text("account.engagement", a -> a.engaged() ? engaged : notEngaged)
                .day("export.engagedSince", AccountDirectory.AccountLine::engagedSince)
                .day("export.lastActivity", AccountDirectory.AccountLine::lastActivity);
        export.send(response, "accounts", chosen, columns, sink -> directory.export(user, query, sink));
    }

    /**
     * With no query, the user's own accounts; with one, every account that matches it, best first (docs/lists.md);
     * either a page at a time, with how many there are in all.
     */
    @GetMapping
    String search(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(required = false) String page, Model model) {
        AccountDirectory.ListQuery query = AccountDirectory.ListQuery.of(q, sort, dir);
        model.addAttribute("q", query.search().text());
        model.addAttribute("accounts", directory.page(user, query, Paging.requested(page)));
        model.addAttribute("links", ListLinks.of("/accounts", query.order(), "q", query.search().orNull()));
        return "accounts/list";
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, Model model) {
        model.addAttribute("details", directory.find(NotFound.id(id, "Account"), user));
        return "accounts/show";
    }

    @PostMapping("/{id}/contact")
    String recordContact(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, RedirectAttributes redirect) {
        directory.recordContact(NotFound.id(id, "Account"), user);
        redirect.addFlashAttribute("flash", "account.contactRecorded");
        return "redirect:/accounts/" + id;
    }

    @PostMapping("/{id}/end-engagement")
    String endEngagement(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, RedirectAttributes redirect) {
        directory.endEngagement(NotFound.id(id, "Account"), user);
        redirect.addFlashAttribute("flash", "account.engagementEnded");
        return "redirect:/accounts/" + id;
    }

}
