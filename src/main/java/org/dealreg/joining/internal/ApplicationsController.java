package org.dealreg.joining.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.dealreg.identity.CurrentUser;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.Paging;
import org.dealreg.shared.ReasonForm;
import org.dealreg.shared.RulesBroken;
import org.dealreg.web.Export;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The channel managers' queue of applications (the programme admin may look); decisions by channel managers only. */
@Controller
@RequestMapping("/partners/applications")
class ApplicationsController {

    private final Applications applications;
    private final MessageSource messages;
    private final Export export;

    ApplicationsController(Applications applications, MessageSource messages, Export export) {
        this.export = export;
        this.applications = applications;
        this.messages = messages;
    }

    @GetMapping
    String queue(@RequestParam(required = false) String page, Model model) {
        model.addAttribute("pending", applications.pending(Paging.requested(page)));
        model.addAttribute("decided", applications.recentlyDecided());
        return "joining/queue";
    }

    /** The waiting applications as a file, oldest first like the list (docs/exports.md). */
    @GetMapping("/export")
    void export(@RequestParam(defaultValue = "") String format, HttpServletResponse response) throws IOException {
        Export.Format chosen = Export.Format.named(format);
        Locale locale = LocaleContextHolder.getLocale();
        Export.Columns<Applications.PendingLine> columns = new Export.Columns<Applications.PendingLine>()
                .moment("joining.col.submittedAt", Applications.PendingLine::submittedAt)
                .text("joining.legalName", Applications.PendingLine::legalName)
                .text("joining.country", a -> new Locale("", a.country()).getDisplayCountry(locale))
                .text("joining.contactName", Applications.PendingLine::contactName)
                .text("joining.contactEmail", Applications.PendingLine::contactEmail)
                .text("joining.contactPhone", Applications.PendingLine::contactPhone)
                .text("joining.website", Applications.PendingLine::website);
        export.send(response, "applications", chosen, columns, applications::exportPending);
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        model.addAttribute("details", applications.details(NotFound.id(id, "Application")));
        model.addAttribute("maxReason", Applications.MAX_REASON);
        return "joining/show";
    }

    @PostMapping("/{id}/accept")
    String accept(@AuthenticationPrincipal CurrentUser manager, @PathVariable String id, RedirectAttributes redirect) {
        UUID application = NotFound.id(id, "Application");
        try {
            applications.accept(application, manager.id());
            redirect.addFlashAttribute("flash", "joining.accepted");
        } catch (RulesBroken refused) {
            redirect.addFlashAttribute("flashError", message(refused));
        }
        return "redirect:/partners/applications/" + application;
    }

    @PostMapping("/{id}/decline")
    String decline(@AuthenticationPrincipal CurrentUser manager, @PathVariable String id,
            @ModelAttribute("declineForm") ReasonForm form, BindingResult typed, RedirectAttributes redirect) {
        UUID application = NotFound.id(id, "Application");
        if (typed.hasErrors()) {
            redirect.addFlashAttribute("flashError", messages.getMessage(typed.getFieldError(), LocaleContextHolder.getLocale()));
            redirect.addFlashAttribute("declineReason", typed.getFieldValue("reason"));
            return "redirect:/partners/applications/" + application;
        }
        String reason = form.text();
        try {
            applications.decline(application, manager.id(), reason);
            redirect.addFlashAttribute("flash", "joining.declined");
        } catch (RulesBroken refused) {
            redirect.addFlashAttribute("flashError", message(refused));
            redirect.addFlashAttribute("declineReason", reason);
        }
        return "redirect:/partners/applications/" + application;
    }

    @PostMapping("/{id}/reinvite")
    String reinvite(@AuthenticationPrincipal CurrentUser manager, @PathVariable String id, RedirectAttributes redirect) {
        UUID application = NotFound.id(id, "Application");
        applications.reinviteAdmin(application, manager.id());
        redirect.addFlashAttribute("flash", "joining.reinvited");
        return "redirect:/partners/applications/" + application;
    }

    private String message(RulesBroken refused) {
        return messages.getMessage(refused, LocaleContextHolder.getLocale());
    }
}
