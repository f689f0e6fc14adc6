package org.dealreg.notifications.internal;

import org.dealreg.identity.CurrentUser;
import org.thymeleaf.context.LazyContextVariable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count the menu shows on every page of a signed-in user. Without a database that answers, the menu goes
 * without it rather than the page (an error page among them) failing for it. It is counted when the page is drawn
 * (a Thymeleaf lazy variable), so an answer that draws no menu — a redirect after a post — costs no query.
 */
@ControllerAdvice
class UnreadCount {

    private final Inbox inbox;

    UnreadCount(Inbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("unreadNotifications")
    LazyContextVariable<Unread> unread(@AuthenticationPrincipal CurrentUser user) {
        return new LazyContextVariable<>() {
            @Override
            protected Unread loadValue() {
                if (user == null) {
                    return null;
                }
                try {
                    return new Unread(inbox.unread(user.id()));
                } catch (DataAccessResourceFailureException | TransientDataAccessException unreachable) {
                    return null;
                }
            }
        };
    }
}
