package org.dealreg.registration.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.dealreg.identity.CurrentUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The time of day in the signed-in user's zone and language, for the pre-check's "opens again at". */
@Component
class PrecheckTimes {

    String time(Instant instant) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        java.time.ZoneId zone = auth != null && auth.getPrincipal() instanceof CurrentUser user ? user.zone()
                : java.time.ZoneOffset.UTC;
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(LocaleContextHolder.getLocale())
                .format(instant.atZone(zone));
    }
}
