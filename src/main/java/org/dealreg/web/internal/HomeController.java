package org.dealreg.web.internal;

import org.dealreg.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Partners land on their registrations; vendor staff on a home page that says what their role may do. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (user.role().isPartner()) {
            return "redirect:/deals";
        }
        model.addAttribute("role", user.role());
        return "home";
    }
}
