package org.dealreg.identity.internal;

import java.util.concurrent.Executor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.dealreg.identity.internal.JpaInvitations.Link;
import org.dealreg.identity.internal.JpaInvitations.LinkState;
import org.dealreg.identity.internal.LoginThrottlePolicy.Wait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * "Forgot your password?" for anybody, signed in or not. The request page answers the same, at about the same speed,
 * whether or not the address is an account's: the link is issued and queued for mailing off the request's thread.
 */
@Controller
@RequestMapping("/password-reset")
class PasswordResetController {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetController.class);

    private final PasswordResets resets;
    private final LoginThrottle throttle;
    private final Executor background;

    PasswordResetController(PasswordResets resets, LoginThrottle throttle,
            @Qualifier("applicationTaskExecutor") Executor background) {
        this.resets = resets;
        this.throttle = throttle;
        this.background = background;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("resetRequestForm", new ResetRequestForm(null));
        return "password-reset/request";
    }

    @PostMapping
    String request(@Valid @ModelAttribute("resetRequestForm") ResetRequestForm form, BindingResult result,
            HttpServletRequest request, HttpServletResponse response) {
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return "password-reset/request";
        }
        Wait wait = throttle.resetRequest(form.email(), request.getRemoteAddr());
        if (wait != null) {
            result.reject("signin.forgot.retry", new Object[] {wait.seconds()}, "signin.forgot.retry");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "password-reset/request";
        }
        String email = form.email();
        background.execute(() -> {
            try {
                resets.request(email);
            } catch (RuntimeException e) {
                log.warn("A password reset link could not be issued", e);
            }
        });
        return "redirect:/password-reset/sent";
    }

    @GetMapping("/sent")
    String sent() {
        return "password-reset/sent";
    }

    @GetMapping("/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        Link link = resets.look(token);
        if (link.state() != LinkState.USABLE) {
            return unusable(link.state(), model, response);
        }
        model.addAttribute("link", link);
        model.addAttribute("token", token);
        model.addAttribute("newPasswordForm", new NewPasswordForm(null, null));
        return "password-reset/choose";
    }

    @PostMapping("/{token}")
    String reset(@PathVariable String token, @Valid @ModelAttribute("newPasswordForm") NewPasswordForm form,
            BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response) {
        Link link = resets.look(token);
        if (link.state() != LinkState.USABLE) {
            return unusable(link.state(), model, response);
        }
        PasswordRules.check(form.password(), form.confirmation())
                .forEach(problem -> result.rejectValue(problem.field(), problem.code()));
        if (result.hasErrors()) {
            model.addAttribute("link", link);
            model.addAttribute("token", token);
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return "password-reset/choose";
        }
        Link outcome = resets.reset(token, form.password());
        if (outcome.state() != LinkState.USABLE) {
            return unusable(outcome.state(), model, response);
        }
        throttle.passwordReset(outcome.email(), request.getRemoteAddr());
        return "redirect:/login?passwordReset";
    }

    /** Expired, used and unknown links answer 410 or 404 with a page that says which; nothing changes. */
    private static String unusable(LinkState state, Model model, HttpServletResponse response) {
        response.setStatus(state == LinkState.UNKNOWN ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
        model.addAttribute("state", state);
        return "password-reset/unusable";
    }
}
