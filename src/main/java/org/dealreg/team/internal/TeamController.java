package org.dealreg.team.internal;

import jakarta.validation.Valid;

import org.dealreg.identity.CurrentUser;
import org.dealreg.shared.FieldProblem;
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

/** Partner admins only (SecurityConfiguration); a user id of another company is a 404. */
@Controller
@RequestMapping("/team")
class TeamController {

    private final Team team;
    private final MessageSource messages;

    TeamController(Team team, MessageSource messages) {
        this.team = team;
        this.messages = messages;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser admin, @RequestParam(required = false) String page, Model model) {
        model.addAttribute("inviteForm", InviteForm.empty());
        return page(admin, Paging.requested(page), model);
    }

    @PostMapping("/invite")
    String invite(@AuthenticationPrincipal CurrentUser admin, @Valid @ModelAttribute("inviteForm") InviteForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        FieldProblem.rejectOnUnmarked(InviteRules.problems(form), result, LocaleContextHolder.getLocale());
        if (result.hasErrors()) {
            return page(admin, 0, model);
        }
        try {
            team.invite(admin, form);
        } catch (RulesBroken refused) {
            refused.rejectOn(result, LocaleContextHolder.getLocale());
            return page(admin, 0, model);
        }
        redirect.addFlashAttribute("flash", "team.invited");
        return "redirect:/team";
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal CurrentUser admin, @PathVariable String id, RedirectAttributes redirect) {
        return setActive(admin, id, false, redirect);
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal CurrentUser admin, @PathVariable String id, RedirectAttributes redirect) {
        return setActive(admin, id, true, redirect);
    }

    @PostMapping("/{id}/reinvite")
    String reinvite(@AuthenticationPrincipal CurrentUser admin, @PathVariable String id, RedirectAttributes redirect) {
        team.reinvite(admin, NotFound.id(id, "User"));
        redirect.addFlashAttribute("flash", "team.reinvited");
        return "redirect:/team";
    }

    private String setActive(CurrentUser admin, String id, boolean active, RedirectAttributes redirect) {
        try {
            team.setActive(admin, NotFound.id(id, "User"), active);
            redirect.addFlashAttribute("flash", active ? "team.reactivated" : "team.deactivated");
        } catch (RulesBroken refused) {
            redirect.addFlashAttribute("flashError", messages.getMessage(refused, LocaleContextHolder.getLocale()));
        }
        return "redirect:/team";
    }

    private String page(CurrentUser admin, int page, Model model) {
        model.addAttribute("members", team.members(admin, page));
        model.addAttribute("roles", InviteRules.ROLES);
        model.addAttribute("me", admin.id());
        return "team/list";
    }
}
