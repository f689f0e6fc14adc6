package org.dealreg.accounts.internal;


import org.dealreg.identity.CurrentUser;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.Paging;
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

    AccountsController(AccountDirectory directory) {
        this.directory = directory;
    }

    /**
     * With no query, the rep's own accounts, a page at a time; with one, the best matches and how many match in all
     * (a look-up narrows, it does not page: docs/lists.md).
     */
    @GetMapping
    String search(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String page, Model model) {
        String query = q.length() > 200 ? q.substring(0, 200) : q;
        model.addAttribute("q", query);
        if (query.isBlank()) {
            model.addAttribute("accounts", directory.own(user, Paging.requested(page)));
        } else {
            AccountDirectory.Found found = directory.search(query, user);
            model.addAttribute("accounts", found.best());
            model.addAttribute("found", found);
        }
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
