package org.dealreg.web.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import org.dealreg.identity.SignedIn;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, times and amounts in the reader's language and time zone; templates call it as {@code @fmt}.
 * The time zone is the signed-in user's own (partners start with their region's).
 */
@Component("fmt")
public class Formats {

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale());
        return f.format(instant.atZone(zone())) + " " + zone().getDisplayName(java.time.format.TextStyle.SHORT, locale());
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
    }

    /** A day written out, as in notices ("February 1, 2027", "1 février 2027"). */
    public String longDate(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).format(date);
    }

    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(locale());
        f.setCurrency(Currency.getInstance(currency));
        return f.format(amount);
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
