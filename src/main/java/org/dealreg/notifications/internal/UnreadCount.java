package org.dealreg.notifications.internal;

import org.dealreg.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread count the menu shows on every page of a signed-in user. */
@ControllerAdvice
class UnreadCount {

    private final Inbox inbox;

    UnreadCount(Inbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("unreadNotifications")
    Long unread(@AuthenticationPrincipal CurrentUser user) {
        return user == null ? null : inbox.unread(user.id());
    }
}
