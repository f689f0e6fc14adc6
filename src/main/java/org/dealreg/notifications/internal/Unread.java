package org.dealreg.notifications.internal;

/**
 * A user's unread notifications as the pages show them: counted up to {@link Inbox#UNREAD_SHOWN_UP_TO} + 1, written
 * "99+" beyond {@link Inbox#UNREAD_SHOWN_UP_TO}.
 */
public record Unread(long counted) {

    public boolean any() {
        return counted > 0;
    }

    public String shown() {
        return counted > Inbox.UNREAD_SHOWN_UP_TO ? Inbox.UNREAD_SHOWN_UP_TO + "+" : Long.toString(counted);
    }
}
