package org.dealreg.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.dealreg.identity.CurrentUser;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.Paging;
import org.dealreg.shared.RulesBroken;
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
 * {@code /admin/staff}: the vendor's accounts (channel managers, sales reps, programme admins). The admin sets a
 * first password (at least 12 characters) and hands it over; invitation links are not built yet.
 */
@Controller
@RequestMapping("/admin/staff")
class StaffController {

    private final StaffAdministration administration;
    private final MessageSource messages;

    StaffController(StaffAdministration administration, MessageSource messages) {
        this.administration = administration;
        this.messages = messages;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser admin, @RequestParam(required = false) String page, Model model) {
        model.addAttribute("staffForm", StaffForm.empty());
        return page(admin, Paging.requested(page), model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser admin, @Valid @ModelAttribute("staffForm") StaffForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                administration.create(form, admin.id());
                redirect.addFlashAttribute("flash", "admin.staff.created");
                return "redirect:/admin/staff";
            } catch (RulesBroken refused) {
                refused.rejectOn(result, LocaleContextHolder.getLocale());
            }
        }
        return page(admin, 0, model);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal CurrentUser admin, @PathVariable String id, RedirectAttributes redirect) {
        return act(redirect, "admin.staff.deactivated",
                () -> administration.setEnabled(admin, NotFound.id(id, "staff account"), false));
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal CurrentUser admin, @PathVariable String id, RedirectAttributes redirect) {
        return act(redirect, "admin.staff.reactivated",
                () -> administration.setEnabled(admin, NotFound.id(id, "staff account"), true));
    }

    @PostMapping("/{id}/role")
    String changeRole(@AuthenticationPrincipal CurrentUser admin, @PathVariable String id,
            @ModelAttribute("roleForm") RoleForm form, BindingResult typed, RedirectAttributes redirect) {
        if (typed.hasErrors()) {
            redirect.addFlashAttribute("flashError", messages.getMessage(typed.getFieldError(), LocaleContextHolder.getLocale()));
            return "redirect:/admin/staff";
        }
        String role = form.role() == null ? "" : form.role();
        return act(redirect, "admin.staff.roleChanged",
                () -> administration.changeRole(admin, NotFound.id(id, "staff account"), role));
    }

    /** The role chosen on a staff member's row. */
    record RoleForm(String role) {
    }

    @PostMapping("/{id}/reinvite")
    String reinvite(@AuthenticationPrincipal CurrentUser admin, @PathVariable String id, RedirectAttributes redirect) {
        return act(redirect, "admin.staff.reinvited",
                () -> administration.reinvite(NotFound.id(id, "staff account"), admin.id()));
    }

    private String act(RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
        } catch (RulesBroken refused) {
            redirect.addFlashAttribute("flashError", messages.getMessage(refused, LocaleContextHolder.getLocale()));
        }
        return "redirect:/admin/staff";
    }

    private String text(String code) {
        return messages.getMessage(code, null, LocaleContextHolder.getLocale());
    }

    private String page(CurrentUser admin, int page, Model model) {
        model.addAttribute("staff", administration.page(page));
        model.addAttribute("me", admin.id());
        model.addAttribute("roles", StaffRules.staffRoles());
        Map<String, String> roles = new LinkedHashMap<>();
        StaffRules.staffRoles().forEach(role -> roles.put(role.name(), text("admin.role." + role.name())));
        Map<String, String> locales = new LinkedHashMap<>();
        StaffRules.LOCALES.forEach(locale -> locales.put(locale, text("admin.staff.locale." + locale)));
        Map<String, String> zones = new LinkedHashMap<>();
        StaffRules.ZONES.forEach(zone -> zones.put(zone, zone));
        model.addAttribute("roleOptions", roles);
        model.addAttribute("localeOptions", locales);
        model.addAttribute("zoneOptions", zones);
        return "admin/staff";
    }
}
