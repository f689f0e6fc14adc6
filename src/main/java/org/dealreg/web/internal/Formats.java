package org.dealreg.web.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.dealreg.identity.SignedIn;
import org.dealreg.shared.Written;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, times and amounts in the reader's language and time zone; templates call it as {@code @fmt}.
 * The time zone is the signed-in user's own (partners start with their region's).
 */
@Component("fmt")
public class Formats {

    public String dateTime(Instant instant) {
        return instant == null ? "" : Written.moment(instant, zone(), locale());
    }

    public String date(LocalDate date) {
        return date == null ? "" : Written.day(date, locale());
    }

    /** A day written out, as in notices ("February 1, 2027", "1 février 2027"). */
    public String longDate(LocalDate date) {
        return date == null ? "" : Written.longDay(date, locale());
    }

    public String money(BigDecimal amount, String currency) {
        return amount == null ? "" : Written.money(amount, currency, locale());
    }

    public String country(String code) {
        return code == null ? "" : new Locale("", code).getDisplayCountry(locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static ZoneId zone() {
        return SignedIn.zone();
    }
}
