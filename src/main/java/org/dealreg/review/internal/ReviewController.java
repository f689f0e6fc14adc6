package org.dealreg.review.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.dealreg.conflicts.Verdict;
import org.dealreg.identity.CurrentUser;
import org.dealreg.partners.Specializations;
import org.dealreg.program.RegionView;
import org.dealreg.program.Regions;
import org.dealreg.registration.AlreadyDecided;
import org.dealreg.registration.RegistrationStatus;
import org.dealreg.registration.RejectionReason;
import org.dealreg.review.internal.DecisionForms.ApproveForm;
import org.dealreg.review.internal.DecisionForms.RejectForm;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.ListOrder;
import org.dealreg.shared.Paging;
import org.dealreg.shared.SearchText;
import org.dealreg.registration.ManagerReview;
import org.dealreg.shared.RulesBroken;
import org.dealreg.web.Export;
import org.springframework.context.MessageSource;
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

/**
 * The channel manager's screens. What a decision does comes from the URL and the signed-in manager; the form
 * carries only the version the manager saw and, to reject, the reason and the comment, so no manager id or
 * status can be forged in a POST.
 */
@Controller
@RequestMapping("/review")
class ReviewController {

    private final ReviewService review;
    private final Regions regions;
    private final Specializations specializations;
    private final MessageSource messages;

    private final Export export;

    ReviewController(ReviewService review, Regions regions, Specializations specializations, MessageSource messages,
            Export export) {
        this.export = export;
        this.review = review;
        this.regions = regions;
        this.specializations = specializations;
        this.messages = messages;
    }

    @GetMapping
    String queue(@RequestParam(required = false) String region, @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String page, Model model) {
        List<RegionView> all = regions.all();
        model.addAttribute("queue", review.queue(query(all, region, verdict, q, sort, dir), Paging.requested(page)));
        model.addAttribute("regions", all);
        model.addAttribute("verdicts", Verdict.values());
        return "review/queue";
    }

    /** The queue as a file, with its filters, search and order (docs/exports.md): plain fields, like the queue. */
    @GetMapping("/export")
    void export(@RequestParam(required = false) String region, @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(defaultValue = "") String format,
            HttpServletResponse response) throws IOException {
        Export.Format chosen = Export.Format.named(format);
        QueueQuery query = query(regions.all(), region, verdict, q, sort, dir);
        Locale locale = LocaleContextHolder.getLocale();
        Export.Columns<QueueRow> columns = new Export.Columns<QueueRow>()
                .moment("review.dueAt", QueueRow::dueAt)
                .text("export.deadline", row -> messages.getMessage("review.badge." + row.badge(), null, locale))
                .text("deal.receipt", QueueRow::receiptNumber)
                .text("review.partner", QueueRow::partnerName)
                .text("partners.col.tier", row -> messages.getMessage("tier." + row.tier(), null, locale))
                .text("review.region", QueueRow::regionCode)
                .number("review.amountUsd", QueueRow::amountUsd)
                .text("review.verdict",
                        row -> messages.getMessage("verdict.short.%s".formatted(row.verdict()), null, locale))
                .moment("deal.submittedAt", QueueRow::submittedAt);
        export.send(response, "review-queue", chosen, columns,
                sink -> review.exportQueue(query, sink));
    }

    /**
     * The decisions as a file, with the queue's filters and search, the latest first (docs/exports.md): plain fields,
     * like the queue; the rejection's comment is encrypted and stays out.
     */
    @GetMapping("/decisions/export")
    void exportDecisions(@RequestParam(required = false) String region, @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "") String format,
            HttpServletResponse response) throws IOException {
        Export.Format chosen = Export.Format.named(format);
        QueueQuery query = query(regions.all(), region, verdict, q, null, null);
        Locale locale = LocaleContextHolder.getLocale();
        String programme = messages.getMessage("export.decidedByProgramme", null, locale);
        Export.Columns<DecisionRow> columns = new Export.Columns<DecisionRow>()
                .moment("export.decidedAt", DecisionRow::decidedAt)
                .text("export.decision", row -> messages.getMessage("status.%s".formatted(row.decision()), null, locale))
                .text("export.decidedBy", row -> row.decidedBy() == null ? programme : row.decidedBy())
                .text("export.rejectionReason", row -> row.rejectionReason() == null ? null
                        : messages.getMessage("rejection.%s".formatted(row.rejectionReason()), null, locale))
                .text("deal.receipt", DecisionRow::receiptNumber)
                .text("review.partner", DecisionRow::partnerName)
                .text("partners.col.tier", row -> messages.getMessage("tier.%s".formatted(row.tier()), null, locale))
                .text("review.region", DecisionRow::regionCode)
                .number("review.amountUsd", DecisionRow::amountUsd)
                .text("review.verdict",
                        row -> messages.getMessage("verdict.short.%s".formatted(row.verdict()), null, locale))
                .moment("deal.submittedAt", DecisionRow::submittedAt)
                .text("export.statusNow", row -> messages.getMessage("status.%s".formatted(row.status()), null, locale));
        export.send(response, "decisions", chosen, columns,
                sink -> review.exportDecisions(query, sink));
    }

    private static QueueQuery query(List<RegionView> all, String region, String verdict, String q, String sort,
            String dir) {
        return new QueueQuery(regionNamed(all, region), verdictNamed(verdict), SearchText.of(q),
                ListOrder.of(sort, dir, ManagerReview.QUEUE_ORDERS));
    }

    private static String regionNamed(List<RegionView> all, String region) {
        return all.stream().map(RegionView::code).filter(code -> code.equals(region)).findFirst().orElse(null);
    }

    private static Verdict verdictNamed(String verdict) {
        return Arrays.stream(Verdict.values()).filter(v -> v.name().equals(verdict)).findFirst().orElse(null);
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser viewer, @PathVariable String id, Model model) {
        ReviewPage page = review.open(NotFound.id(id, "Registration"), viewer);
        model.addAttribute("rejectForm", RejectForm.empty(page.deal().version()));
        return show(page, model);
    }

    @PostMapping("/{id}/approve")
    String approve(@AuthenticationPrincipal CurrentUser manager, @PathVariable String id,
            @Valid @ModelAttribute("approveForm") ApproveForm form, BindingResult result, RedirectAttributes redirect) {
        UUID registration = NotFound.id(id, "Registration");
        if (result.hasErrors()) {
            redirect.addFlashAttribute("flashError", message("review.decision.stale"));
            return "redirect:/review/" + registration;
        }
        try {
            review.approve(registration, form.version(), manager.id(), Boolean.TRUE.equals(form.conflictChecked()));
            redirect.addFlashAttribute("flash", "review.approved");
        } catch (RulesBroken refused) {
            redirect.addFlashAttribute("flashError", messages.getMessage(refused, LocaleContextHolder.getLocale()));
        } catch (AlreadyDecided already) {
            redirect.addFlashAttribute("flashError", alreadyDecided(already));
        }
        return "redirect:/review/" + registration;
    }

    @PostMapping("/{id}/reject")
    String reject(@AuthenticationPrincipal CurrentUser manager, @PathVariable String id,
            @Valid @ModelAttribute("rejectForm") RejectForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        UUID registration = NotFound.id(id, "Registration");
        if (result.hasErrors()) {
            return show(review.page(registration), model);
        }
        try {
            review.reject(registration, form.version(), manager.id(), form.reason(), form.comment());
            redirect.addFlashAttribute("flash", "review.rejected");
        } catch (AlreadyDecided already) {
            redirect.addFlashAttribute("flashError", alreadyDecided(already));
        }
        return "redirect:/review/" + registration;
    }

    private String show(ReviewPage page, Model model) {
        model.addAttribute("page", page);
        model.addAttribute("deal", page.deal());
        model.addAttribute("specialization", specializations.find(page.deal().specializationCode()).orElseThrow());
        model.addAttribute("reasons", RejectionReason.values());
        return "review/show";
    }

    /** "Already decided by Maria", "already approved by the programme", "withdrawn by the partner", or "changed". */
    private String alreadyDecided(AlreadyDecided already) {
        Locale locale = LocaleContextHolder.getLocale();
        String status = messages.getMessage("status." + already.status(), null, locale);
        if (already.status() == RegistrationStatus.SUBMITTED) {
            return message("review.decision.stale");
        }
        if (already.decidedBy() != null) {
            return messages.getMessage("review.decision.alreadyBy", new Object[] {status, review.nameOf(already.decidedBy())},
                    locale);
        }
        if (already.status() == RegistrationStatus.WITHDRAWN) {
            return messages.getMessage("review.decision.withdrawn", null, locale);
        }
        return messages.getMessage("review.decision.alreadyByProgramme", new Object[] {status}, locale);
    }

    private String message(String code) {
        return messages.getMessage(code, null, LocaleContextHolder.getLocale());
    }

}
