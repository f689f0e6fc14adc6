package org.dealreg.notifications.internal;

import org.dealreg.identity.CurrentUser;
import org.dealreg.shared.Paging;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's own notifications, newest first, a page at a time; only ever the signed-in user's. */
@Controller
class NotificationsController {

    private final Inbox inbox;

    NotificationsController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String page, Model model) {
        model.addAttribute("notifications", inbox.page(user.id(), Paging.requested(page)));
        return "notifications/list";
    }

    @PostMapping("/notifications/read")
    String markRead(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        inbox.markAllRead(user.id());
        redirect.addFlashAttribute("flash", "notifications.allRead");
        return "redirect:/notifications";
    }
}
