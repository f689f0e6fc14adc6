package org.dealreg.partners.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.UserAccounts;
import org.dealreg.partners.PartnerStanding;
import org.dealreg.partners.PartnerStatus;
import org.dealreg.partners.Tier;
import org.dealreg.partners.Specializations;
import org.dealreg.shared.ListOrder;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.Paging;
import org.dealreg.shared.ReasonForm;
import org.dealreg.shared.SearchText;
import org.dealreg.shared.RulesBroken;
import org.dealreg.web.Export;
import org.dealreg.web.ListLinks;
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

/**
 * The channel managers' partners: the list, a partner's profile as its admin sees it, and the changes managers make —
 * its specialisations, and promote, demote, suspend or reactivate, each with a reason. Which partner comes from the
 * URL, who changes it from the session.
 */
@Controller
@RequestMapping("/partners")
class PartnersController {

    private final PartnerProfiles profiles;
    private final PartnerStanding standing;
    private final Specializations specializations;
    private final UserAccounts users;
    private final MessageSource messages;
    private final Export export;

    PartnersController(PartnerProfiles profiles, PartnerStanding standing, Specializations specializations,
            UserAccounts users, MessageSource messages, Export export) {
        this.export = export;
        this.profiles = profiles;
        this.standing = standing;
        this.specializations = specializations;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String status, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String page, Model model) {
        PartnerProfiles.ListQuery query = query(q, tier, status, sort, dir);
        model.addAttribute("partners", profiles.page(query, Paging.requested(page)));
        model.addAttribute("query", query);
        model.addAttribute("links", ListLinks.of("/partners", query.order(), "q", query.search().orNull(),
                "tier", query.tier() == null ? null : query.tier().name(),
                "status", query.status() == null ? null : query.status().name()));
        model.addAttribute("tiers", Tier.values());
        model.addAttribute("statuses", PartnerStatus.values());
        return "partners/list";
    }

    /** The partners the list's search and filters keep, in its order, as a file (docs/exports.md); plain fields only. */
    @GetMapping("/export")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String status, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(defaultValue = "") String format,
            HttpServletResponse response) throws IOException {
        Export.Format chosen = Export.Format.named(format);
        PartnerProfiles.ListQuery query = query(q, tier, status, sort, dir);
        Locale locale = LocaleContextHolder.getLocale();
        Export.Columns<PartnerProfiles.ListedPartner> columns = new Export.Columns<PartnerProfiles.ListedPartner>()
                .text("partners.col.name", PartnerProfiles.ListedPartner::legalName)
                .text("partners.col.country", p -> new Locale("", p.country()).getDisplayCountry(locale))
                .text("partners.col.tier", p -> messages.getMessage("tier." + p.tier(), null, locale))
                .text("partners.col.status", p -> messages.getMessage("partner.status." + p.status(), null, locale));
        export.send(response, "partners", chosen, columns, sink -> profiles.export(query, sink));
    }

    private static PartnerProfiles.ListQuery query(String q, String tier, String status, String sort, String dir) {
        return new PartnerProfiles.ListQuery(SearchText.of(q),
                Arrays.stream(Tier.values()).filter(t -> t.name().equals(tier)).findFirst().orElse(null),
                Arrays.stream(PartnerStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null),
                ListOrder.of(sort, dir, PartnerProfiles.ORDERS));
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser manager, @PathVariable String id, Model model) {
        PartnerProfile profile = profiles.profile(NotFound.id(id, "Partner"), manager.zone(),
                LocaleContextHolder.getLocale());
        model.addAttribute("profile", profile);
        model.addAttribute("managerView", true);
        // the active ones, and any retired one the partner still holds, so saving the form never drops it silently
        java.util.List<org.dealreg.partners.SpecializationView> catalogue = new java.util.ArrayList<>(specializations.active());
        profile.partner().specializationCodes().stream()
                .filter(code -> catalogue.stream().noneMatch(s -> s.code().equals(code)))
                .sorted()
                .forEach(code -> specializations.find(code).ifPresent(catalogue::add));
        model.addAttribute("catalogue", catalogue);
        model.addAttribute("people", users.displayNames(profile.history().stream()
                .map(PartnerStanding.Change::changedBy).distinct().toList()));
        return "partners/profile";
    }

    @PostMapping("/{id}/specializations")
    String specializations(@AuthenticationPrincipal CurrentUser manager, @PathVariable String id,
            @ModelAttribute("specializationsForm") SpecializationsForm form, BindingResult typed, RedirectAttributes redirect) {
        UUID partner = NotFound.id(id, "Partner");
        if (typed.hasErrors()) {
            redirect.addFlashAttribute("flashError", messages.getMessage(typed.getFieldError(), LocaleContextHolder.getLocale()));
            return "redirect:/partners/" + partner;
        }
        Set<String> codes = form.codes();
        return act(partner, redirect, "partners.specializations.saved",
                () -> standing.setSpecializations(partner, codes == null ? Set.of() : codes, manager.id()));
    }

    @PostMapping("/{id}/promote")
    String promote(@AuthenticationPrincipal CurrentUser manager, @PathVariable String id,
            @ModelAttribute("standingForm") ReasonForm form, BindingResult typed, RedirectAttributes redirect) {
        return change(manager, id, form, typed, redirect, "partners.promoted", standing::promote);
    }

    @PostMapping("/{id}/demote")
    String demote(@AuthenticationPrincipal CurrentUser manager, @PathVariable String id,
            @ModelAttribute("standingForm") ReasonForm form, BindingResult typed, RedirectAttributes redirect) {
        return change(manager, id, form, typed, redirect, "partners.demoted", standing::demote);
    }

    @PostMapping("/{id}/suspend")
    String suspend(@AuthenticationPrincipal CurrentUser manager, @PathVariable String id,
            @ModelAttribute("standingForm") ReasonForm form, BindingResult typed, RedirectAttributes redirect) {
        return change(manager, id, form, typed, redirect, "partners.suspended", standing::suspend);
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal CurrentUser manager, @PathVariable String id,
            @ModelAttribute("standingForm") ReasonForm form, BindingResult typed, RedirectAttributes redirect) {
        return change(manager, id, form, typed, redirect, "partners.reactivated", standing::reactivate);
    }

    /** One of the four changes of standing; the reason goes with it to the partner's admins. */
    private String change(CurrentUser manager, String id, ReasonForm form, BindingResult typed, RedirectAttributes redirect,
            String done, StandingChange change) {
        UUID partner = NotFound.id(id, "Partner");
        if (typed.hasErrors()) {
            redirect.addFlashAttribute("flashError", messages.getMessage(typed.getFieldError(), LocaleContextHolder.getLocale()));
            return "redirect:/partners/" + partner;
        }
        return act(partner, redirect, done, () -> change.apply(partner, form.text(), manager.id()));
    }

    private String act(UUID partner, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
        } catch (RulesBroken refused) {
            redirect.addFlashAttribute("flashError", messages.getMessage(refused, LocaleContextHolder.getLocale()));
        }
        return "redirect:/partners/" + partner;
    }

    /** The specialisations ticked on the partner's page. */
    record SpecializationsForm(Set<String> codes) {
    }

    @FunctionalInterface
    interface StandingChange {
        void apply(UUID partner, String reason, UUID manager);
    }
}
