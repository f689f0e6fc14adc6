package org.dealreg.identity.internal;

import org.dealreg.identity.internal.JpaInvitations.Link;
import org.dealreg.identity.internal.JpaInvitations.LinkState;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletResponse;

/** The page an invitation link opens: set a password, or a plain word on why the link no longer works. */
@Controller
@RequestMapping("/invitations")
class InvitationController {

    private final JpaInvitations invitations;

    InvitationController(JpaInvitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        Link link = invitations.look(token);
        if (link.state() != LinkState.USABLE) {
            return unusable(link.state(), model, response);
        }
        model.addAttribute("link", link);
        model.addAttribute("token", token);
        return "invitations/set-password";
    }

    @PostMapping("/{token}")
    String setPassword(@PathVariable String token, @ModelAttribute("passwordForm") NewPasswordForm form, BindingResult typed,
            Model model, HttpServletResponse response) {
        Link link = invitations.look(token);
        if (link.state() != LinkState.USABLE) {
            return unusable(link.state(), model, response);
        }
        String password = form.password() == null ? "" : form.password();
        var problems = typed.hasErrors()
                ? typed.getFieldErrors().stream().map(error -> new PasswordRules.Problem(error.getField(), error.getCode())).toList()
                : PasswordRules.check(password, form.confirmation() == null ? "" : form.confirmation());
        if (!problems.isEmpty()) {
            model.addAttribute("link", link);
            model.addAttribute("token", token);
            model.addAttribute("problems", problems);
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return "invitations/set-password";
        }
        LinkState outcome = invitations.setPassword(token, password);
        if (outcome != LinkState.USABLE) {
            return unusable(outcome, model, response);
        }
        return "redirect:/login?passwordSet";
    }

    /** Expired, used and unknown links answer 410 or 404 with a page that says which; nothing changes. */
    private static String unusable(LinkState state, Model model, HttpServletResponse response) {
        response.setStatus(state == LinkState.UNKNOWN ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
        model.addAttribute("state", state);
        return "invitations/unusable";
    }
}
