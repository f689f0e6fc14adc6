package org.dealreg.registration.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.dealreg.identity.CurrentUser;
import org.dealreg.shared.EmailAddress;
import org.dealreg.web.Export;
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

/**
 * {@code /admin/personal-data}: a programme admin answers a contact's request for their personal data (GDPR
 * articles 15 and 17): finds, exports, erases (docs/receipts.md). Every step is a POST, so the address never appears
 * in a URL or an access log.
 */
@Controller
@RequestMapping("/admin/personal-data")
class PersonalDataController {

    private final PersonalDataRequests requests;
    private final Export export;
    private final MessageSource messages;

    PersonalDataController(PersonalDataRequests requests, Export export, MessageSource messages) {
        this.requests = requests;
        this.export = export;
        this.messages = messages;
    }

    /** The contact's e-mail address, as the admin received it with the request. */
    record ContactForm(@NotBlank @EmailAddress @Size(max = 254) String email) {
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("contactForm", new ContactForm(""));
        return "admin/personal-data";
    }

    @PostMapping
    String find(@AuthenticationPrincipal CurrentUser admin, @Valid @ModelAttribute("contactForm") ContactForm form,
            BindingResult result, Model model) {
        if (!result.hasErrors()) {
            model.addAttribute("found", requests.find(admin, form.email()));
        }
        return "admin/personal-data";
    }

    /** What the portal holds about the contact, as a file through the exports' one writer (docs/exports.md). */
    @PostMapping("/export")
    void export(@AuthenticationPrincipal CurrentUser admin, @Valid @ModelAttribute("contactForm") ContactForm form,
            BindingResult result, @RequestParam(defaultValue = "") String format, HttpServletResponse response)
            throws IOException {
        Export.Format chosen = Export.Format.named(format);
        if (result.hasErrors()) {
            response.sendRedirect("/admin/personal-data");
            return;
        }
        Locale locale = LocaleContextHolder.getLocale();
        Export.Columns<PersonalDataRequests.Held> columns = new Export.Columns<PersonalDataRequests.Held>()
                .text("deal.receipt", PersonalDataRequests.Held::receiptNumber)
                .text("review.partner", PersonalDataRequests.Held::partner)
                .text("deal.status", h -> messages.getMessage("status." + h.status(), null, locale))
                .moment("deal.submittedAt", PersonalDataRequests.Held::submittedAt)
                .text("deal.customerName", PersonalDataRequests.Held::customerName)
                .text("deal.contactName", PersonalDataRequests.Held::contactName)
                .text("deal.contactEmail", PersonalDataRequests.Held::contactEmail)
                .text("deal.contactPhone", PersonalDataRequests.Held::contactPhone);
        List<PersonalDataRequests.Held> held = requests.export(admin, form.email(), chosen.extension());
        export.send(response, "personal-data", chosen, columns, sink -> held.forEach(sink));
    }

    /** Erases the contact from the registrations listed, once the admin ticked that they mean it. */
    @PostMapping("/erase")
    String erase(@AuthenticationPrincipal CurrentUser admin, @Valid @ModelAttribute("contactForm") ContactForm form,
            BindingResult result, @RequestParam(name = "registration", required = false) List<UUID> chosen,
            @RequestParam(defaultValue = "false") boolean confirmed, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "admin/personal-data";
        }
        if (!confirmed) {
            model.addAttribute("found", requests.find(admin, form.email()));
            model.addAttribute("confirmMissing", true);
            return "admin/personal-data";
        }
        int erased = requests.erase(admin, form.email(), chosen == null ? List.of() : chosen);
        redirect.addFlashAttribute("flash", erased > 0 ? "personalData.erased" : "personalData.nothingErased");
        return "redirect:/admin/personal-data";
    }
}
