package org.dealreg.review.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.dealreg.identity.CurrentUser;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.Partners;
import org.dealreg.program.ProgramSettings;
import org.dealreg.registration.ExtensionReview;
import org.dealreg.registration.ExtensionReview.ExtensionToDecide;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.Paging;
import org.dealreg.shared.ReasonForm;
import org.dealreg.shared.RulesBroken;
import org.dealreg.web.Export;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
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

/**
 * The managers' queue of extension requests, the one whose protection ends first first, and their answers, given on
 * the registration's review page where the partner's reason is read (and the look logged). Which request is
 * answered comes from the URL, who answers from the session; a decline carries its reason.
 */
@Controller
@RequestMapping("/review/extensions")
class ExtensionQueueController {

    static final int PAGE_SIZE = 50;

    private final ExtensionReview extensions;
    private final Partners partners;
    private final ProgramSettings settings;
    private final MessageSource messages;

    private final Export export;

    ExtensionQueueController(ExtensionReview extensions, Partners partners, ProgramSettings settings,
            MessageSource messages, Export export) {
        this.export = export;
        this.extensions = extensions;
        this.partners = partners;
        this.settings = settings;
        this.messages = messages;
    }

    record Row(ExtensionToDecide request, String partnerName) {
    }

    @GetMapping
    String queue(@RequestParam(required = false) String page, Model model) {
        long total = extensions.countPending();
        int shown = Paging.shown(Paging.requested(page), total, PAGE_SIZE);
        List<ExtensionToDecide> pending = extensions.pending((long) shown * PAGE_SIZE, PAGE_SIZE);
        Map<UUID, PartnerView> byId = partners.findAll(pending.stream().map(ExtensionToDecide::partnerId).distinct().toList());
        model.addAttribute("rows", new PageImpl<>(pending.stream()
                .map(r -> new Row(r, byId.containsKey(r.partnerId()) ? byId.get(r.partnerId()).legalName() : "?")).toList(),
                PageRequest.of(shown, PAGE_SIZE), total));
        model.addAttribute("extensionDays", settings.extensionLength().toDays());
        model.addAttribute("maxExtensions", settings.maxExtensions());
        return "review/extensions";
    }

    /**
     * The open requests as a file, in the queue's order (docs/exports.md): nothing decrypted, like the queue; the
     * partners' names are asked a fetch at a time.
     */
    @GetMapping("/export")
    void export(@RequestParam(defaultValue = "") String format, HttpServletResponse response) throws IOException {
        Export.Format chosen = Export.Format.named(format);
        Export.Columns<Row> columns = new Export.Columns<Row>()
                .moment("extensions.col.endsAt", row -> row.request().protectionEndsAt())
                .text("deal.receipt", row -> row.request().receiptNumber())
                .text("review.partner", Row::partnerName)
                .number("export.extensionsGranted", row -> row.request().extensionsGranted())
                .moment("extensions.col.asked", row -> row.request().requestedAt());
        export.send(response, "extension-requests", chosen, columns, sink -> Export.inBatches(extensions::eachPending,
                requests -> {
                    Map<UUID, PartnerView> byId = partners.findAll(
                            requests.stream().map(ExtensionToDecide::partnerId).distinct().toList());
                    requests.forEach(r -> sink.accept(new Row(r,
                            byId.containsKey(r.partnerId()) ? byId.get(r.partnerId()).legalName() : "?")));
                }));
    }

    @PostMapping("/{registrationId}/{requestId}/grant")
    String grant(@AuthenticationPrincipal CurrentUser manager, @PathVariable String registrationId,
            @PathVariable String requestId, RedirectAttributes redirect) {
        try {
            extensions.grant(NotFound.id(registrationId, "Registration"), NotFound.id(requestId, "Extension request"),
                    manager.id());
            redirect.addFlashAttribute("flash", "extension.granted");
        } catch (RulesBroken refused) {
            redirect.addFlashAttribute("flashError", message(refused));
        }
        return "redirect:/review/" + registrationId;
    }

    @PostMapping("/{registrationId}/{requestId}/decline")
    String decline(@AuthenticationPrincipal CurrentUser manager, @PathVariable String registrationId,
            @PathVariable String requestId, @ModelAttribute("declineForm") ReasonForm form, BindingResult typed,
            RedirectAttributes redirect) {
        if (typed.hasErrors()) {
            redirect.addFlashAttribute("flashError", messages.getMessage(typed.getFieldError(), LocaleContextHolder.getLocale()));
            return "redirect:/review/" + registrationId;
        }
        try {
            extensions.decline(NotFound.id(registrationId, "Registration"), NotFound.id(requestId, "Extension request"),
                    manager.id(), form.text());
            redirect.addFlashAttribute("flash", "extension.declined");
        } catch (RulesBroken refused) {
            redirect.addFlashAttribute("flashError", message(refused));
        }
        return "redirect:/review/" + registrationId;
    }

    private String message(RulesBroken refused) {
        return messages.getMessage(refused, LocaleContextHolder.getLocale());
    }
}
