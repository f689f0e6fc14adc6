package org.dealreg.registration.internal;

import org.dealreg.shared.FieldProblem;
import org.dealreg.shared.RulesBroken;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.dealreg.conflicts.AlreadyRegistered;
import org.dealreg.conflicts.CustomerToCheck;
import org.dealreg.conflicts.Verdict;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.SignedIn;
import org.dealreg.shared.Countries;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseBody;
import org.dealreg.partners.Specializations;
import org.dealreg.registration.AlreadyDecided;
import org.dealreg.registration.DealDetails;
import org.dealreg.registration.RegistrationStatus;
import org.dealreg.shared.MultiLine;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.ListOrder;
import org.dealreg.shared.Paging;
import org.dealreg.shared.SearchText;
import org.dealreg.shared.SupportedCurrency;
import org.dealreg.shared.Written;
import org.dealreg.web.Export;
import org.dealreg.web.ListLinks;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/deals")
class DealController {

    private final RegistrationService service;
    private final Specializations specializations;
    private final PrecheckLimit limit;
    private final MessageSource messages;
    private final RegistrationExport registrationExport;
    private final Export export;

    DealController(RegistrationService service, Specializations specializations, PrecheckLimit limit,
            MessageSource messages, RegistrationExport registrationExport, Export export) {
        this.registrationExport = registrationExport;
        this.export = export;
        this.service = service;
        this.specializations = specializations;
        this.limit = limit;
        this.messages = messages;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String page, Model model) {
        RegistrationStatus filter = statusNamed(status);
        SearchText search = SearchText.of(q);
        ListOrder order = ListOrder.of(sort, dir, CompanyRegistrations.ORDERS);
        model.addAttribute("deals", service.list(user, filter, search, order, Paging.requested(page)));
        model.addAttribute("links", ListLinks.of("/deals", order, "status", filter == null ? null : filter.name(),
                "q", search.orNull()));
        model.addAttribute("q", search.text());
        model.addAttribute("status", filter);
        model.addAttribute("statuses", RegistrationStatus.values());
        return "deals/list";
    }

    /**
     * The list as a file: the company's registrations that the list's status and search keep, in its order, every page
     * (docs/exports.md).
     */
    @GetMapping("/export")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(defaultValue = "") String format,
            HttpServletResponse response) throws IOException {
        Export.Format chosen = Export.Format.named(format);
        RegistrationStatus filter = statusNamed(status);
        SearchText search = SearchText.of(q);
        ListOrder order = ListOrder.of(sort, dir, CompanyRegistrations.ORDERS);
        Locale locale = LocaleContextHolder.getLocale();
        Export.Columns<DealSummary> columns = new Export.Columns<DealSummary>()
                .text("deal.receipt", DealSummary::receiptNumber)
                .text("deal.customerName", DealSummary::customerName)
                .text("deal.title", DealSummary::title)
                .number("deal.amount", DealSummary::amount)
                .text("deal.currency", DealSummary::currency)
                .text("deal.status", d -> messages.getMessage("status." + d.status(), null, locale))
                .moment("deal.submittedAt", DealSummary::submittedAt)
                .moment("export.decisionDueAt", DealSummary::decisionDueAt)
                .moment("export.protectionEndsAt", DealSummary::protectionEndsAt);
        export.send(response, "registrations", chosen, columns,
                sink -> registrationExport.export(user, filter, search, order, chosen, sink));
    }

    private static RegistrationStatus statusNamed(String status) {
        return Arrays.stream(RegistrationStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
    }

    @GetMapping("/new")
    String newDeal(@AuthenticationPrincipal CurrentUser user, Model model) {
        SubmissionGate gate = service.gate(user);
        model.addAttribute("dealForm", DealForm.empty(gate.defaultCurrency()));
        return form(gate, model);
    }

    @PostMapping
    String submit(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("dealForm") DealForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            FieldProblem.rejectOnUnmarked(service.problems(user, form), result, LocaleContextHolder.getLocale());
            return form(service.gate(user), model);
        }
        try {
            UUID id = service.submit(user, form);
            redirect.addFlashAttribute("flash", "deal.submitted");
            return "redirect:/deals/" + id;
        } catch (RulesBroken refused) {
            refused.rejectOn(result, LocaleContextHolder.getLocale());
            return form(service.gate(user), model);
        } catch (AlreadyRegistered already) {
            result.reject("deal.customer.alreadyYours");
            model.addAttribute("existingDealId", already.existingRegistrationId());
            return form(service.gate(user), model);
        }
    }

    /** The traffic light before the whole form is typed; limited per user so it cannot enumerate customers. */
    @PostMapping(path = "/precheck", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<PrecheckAnswer> precheck(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String customerName, @RequestParam(defaultValue = "") String customerWebsite,
            @RequestParam(defaultValue = "") String customerCountry) {
        Locale locale = LocaleContextHolder.getLocale();
        if (!SubmissionRules.precheckable(customerName, customerWebsite, customerCountry)) {
            return ResponseEntity.badRequest().body(new PrecheckAnswer("invalid",
                    messages.getMessage("precheck.invalid", null, locale)));
        }
        PrecheckLimit.Usage usage = limit.use(user.id(), user.partnerId());
        if (usage.exceeded()) {
            // with its day and time zone: "Dec 8, 2026, 5:24 AM EST"
            String opensAt = Written.moment(usage.opensAgainAt(), SignedIn.zone(), locale);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(new PrecheckAnswer("limited",
                    messages.getMessage("precheck.limited", new Object[] {opensAt}, locale)));
        }
        try {
            Verdict verdict = service.preview(user, new CustomerToCheck(customerName, customerWebsite, null, customerCountry));
            String light = switch (verdict) {
                case CLEAR -> "green";
                case REVIEW -> "amber";
                case CONFLICT -> "red";
            };
            return ResponseEntity.ok(new PrecheckAnswer(light, messages.getMessage("verdict." + verdict, null, locale)));
        } catch (AlreadyRegistered already) {
            return ResponseEntity.ok(new PrecheckAnswer("red", messages.getMessage("deal.customer.alreadyYours", null, locale)));
        }
    }

    public record PrecheckAnswer(String light, String message) {
    }

    /** The version the partner saw and, to ask for an extension, why more time is needed (withdrawing posts no reason). */
    record ExtensionForm(String version, @MultiLine String reason) {
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, Model model) {
        DealDetails deal = service.find(user, NotFound.id(id, "Registration"));
        model.addAttribute("deal", deal);
        model.addAttribute("specialization", specializations.find(deal.specializationCode()).orElseThrow());
        return "deals/show";
    }

    /** The form carries only the version the partner saw; whose registration it is comes from the session. */
    @PostMapping("/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
            @ModelAttribute("withdrawForm") ExtensionForm form, BindingResult typed, RedirectAttributes redirect) {
        UUID registration = NotFound.id(id, "Registration");
        if (typed.hasErrors()) {
            redirect.addFlashAttribute("flashError", messages.getMessage(typed.getFieldError(), LocaleContextHolder.getLocale()));
            return "redirect:/deals/" + registration;
        }
        try {
            service.withdraw(user, registration, versionOf(form.version() == null ? "" : form.version()));
            redirect.addFlashAttribute("flash", "deal.withdrawn");
        } catch (AlreadyDecided already) {
            Locale locale = LocaleContextHolder.getLocale();
            redirect.addFlashAttribute("flashError", messages.getMessage("deal.withdraw.refused",
                    new Object[] {messages.getMessage("status." + already.status(), null, locale)}, locale));
        }
        return "redirect:/deals/" + registration;
    }

    /** The reason is kept when the request is refused, so what the partner typed is not lost. */
    @PostMapping("/{id}/extension")
    String requestExtension(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
            @ModelAttribute("extensionForm") ExtensionForm form, BindingResult typed, RedirectAttributes redirect) {
        UUID registration = NotFound.id(id, "Registration");
        if (typed.hasErrors()) {
            redirect.addFlashAttribute("flashError", messages.getMessage(typed.getFieldError(), LocaleContextHolder.getLocale()));
            redirect.addFlashAttribute("extensionReason", typed.getFieldValue("reason"));
            return "redirect:/deals/" + registration;
        }
        String version = form.version() == null ? "" : form.version();
        String reason = form.reason() == null ? "" : form.reason();
        try {
            service.requestExtension(user, registration, versionOf(version), reason);
            redirect.addFlashAttribute("flash", "extension.requested");
        } catch (RulesBroken refused) {
            redirect.addFlashAttribute("flashError", message(refused));
            redirect.addFlashAttribute("extensionReason", reason);
        } catch (AlreadyDecided already) {
            redirect.addFlashAttribute("flashError", notApproved(already));
            redirect.addFlashAttribute("extensionReason", reason);
        }
        return "redirect:/deals/" + registration;
    }

    @GetMapping("/{id}/close")
    String closeForm(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, Model model,
            RedirectAttributes redirect) {
        DealDetails deal = service.find(user, NotFound.id(id, "Registration"));
        if (!deal.protectedNow()) {
            redirect.addFlashAttribute("flashError", message(notApproved(deal.status())));
            return "redirect:/deals/" + deal.id();
        }
        model.addAttribute("closeForm", CloseForm.blank(deal.currency(), deal.version()));
        return closePage(deal, model);
    }

    @PostMapping("/{id}/close")
    String close(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
            @Valid @ModelAttribute("closeForm") CloseForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        UUID registration = NotFound.id(id, "Registration");
        if (result.hasErrors()) {
            FieldProblem.rejectOnUnmarked(service.closeProblems(user, registration, form), result, LocaleContextHolder.getLocale());
            return closePage(service.find(user, registration), model);
        }
        try {
            service.close(user, registration, form);
            redirect.addFlashAttribute("flash", "close.done." + form.outcome());
            return "redirect:/deals/" + registration;
        } catch (RulesBroken refused) {
            refused.rejectOn(result, LocaleContextHolder.getLocale());
            return closePage(service.find(user, registration), model);
        } catch (AlreadyDecided already) {
            notApproved(already.status()).rejectOn(result, LocaleContextHolder.getLocale());
            return closePage(service.find(user, registration), model);
        }
    }

    private String closePage(DealDetails deal, Model model) {
        model.addAttribute("deal", deal);
        model.addAttribute("currencies", SupportedCurrency.values());
        return "deals/close";
    }

    private String message(RulesBroken refused) {
        return messages.getMessage(refused, LocaleContextHolder.getLocale());
    }

    private String notApproved(AlreadyDecided already) {
        return message(notApproved(already.status()));
    }

    private static RulesBroken notApproved(RegistrationStatus status) {
        return RulesBroken.refused("deal.refused.notApproved", status.named());
    }

    /** A missing or mangled version is a version the partner did not see: refused like a stale one. */
    private static int versionOf(String version) {
        return version.matches("\\d{1,9}") ? Integer.parseInt(version) : -1;
    }

    private String form(SubmissionGate gate, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("gate", gate);
        model.addAttribute("specializations", specializations.active());
        model.addAttribute("currencies", SupportedCurrency.values());
        model.addAttribute("countries", Countries.named(locale, gate.partnerCountry()));
        return "deals/form";
    }


}
