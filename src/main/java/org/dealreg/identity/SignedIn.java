package org.dealreg.identity;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user of the current request, for code that formats for them outside a controller's arguments. */
public final class SignedIn {

    private SignedIn() {
    }

    public static Optional<CurrentUser> user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser user ? Optional.of(user) : Optional.empty();
    }

    /** The signed-in user's time zone; UTC for anonymous pages. */
    public static ZoneId zone() {
        return user().map(CurrentUser::zone).orElse(ZoneOffset.UTC);
    }
}
