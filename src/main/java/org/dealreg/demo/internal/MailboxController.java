package org.dealreg.demo.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The demo mode's mailbox: the e-mails the portal sent, as the demo mail sink received them. Each user sees the
 * ones addressed to them; the programme admin sees all. Only while the sink runs (never with a real SMTP server).
 */
@Controller
@ConditionalOnProperty(name = "dealreg.demo.mail-sink.active", havingValue = "true")
class MailboxController {

    @GetMapping("/mailbox")
    String mailbox(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<DemoMailSink.Mail> mine = new ArrayList<>(DemoMailSink.received().stream()
                .filter(m -> user.role() == Role.PROGRAM_ADMIN || m.to().equalsIgnoreCase(user.email()))
                .toList());
        Collections.reverse(mine);
        model.addAttribute("mails", mine);
        return "demo/mailbox";
    }

    /** Lets the menu link to the mailbox while it exists. */
    @ControllerAdvice
    @ConditionalOnProperty(name = "dealreg.demo.mail-sink.active", havingValue = "true")
    static class MailboxLink {

        @ModelAttribute("demoMailbox")
        boolean demoMailbox() {
            return true;
        }
    }
}
