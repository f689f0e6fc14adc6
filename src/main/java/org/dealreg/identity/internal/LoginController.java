package org.dealreg.identity.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    /** Longer than any wait the throttle gives (72 minutes); a forged number beyond it is not shown. */
    private static final long LONGEST_WAIT_SECONDS = 24 * 3600;

    @GetMapping("/login")
    String login(@RequestParam(required = false) String retry, Model model) {
        // only digits are shown, so a crafted link cannot put words of its own on the sign-in page
        if (retry != null && retry.matches("[1-9][0-9]{0,5}") && Long.parseLong(retry) <= LONGEST_WAIT_SECONDS) {
            model.addAttribute("retrySeconds", Long.parseLong(retry));
        }
        return "login";
    }
}
