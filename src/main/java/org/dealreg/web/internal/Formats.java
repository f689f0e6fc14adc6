package org.dealreg.web.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.dealreg.identity.SignedIn;
import org.dealreg.shared.FewKept;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, times and amounts in the reader's language and time zone; templates call it as {@code @fmt}.
 * The time zone is the signed-in user's own (partners start with their region's).
 */
@Component("fmt")
public class Formats {

    /*
     * The formatters of a language, and a zone's short name in it, are made once and kept: making them for each value
     * (looking the locale's patterns and the zone's names up) was a tenth of the review queue's CPU.
     */
    private static final FewKept<Locale, DateTimeFormatter> DATE_TIMES = new FewKept<>(8,
            locale -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale));
    private static final FewKept<Locale, DateTimeFormatter> DATES = new FewKept<>(8,
            locale -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    private static final FewKept<Locale, DateTimeFormatter> LONG_DATES = new FewKept<>(8,
            locale -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    private static final FewKept<List<Object>, String> ZONE_NAMES = new FewKept<>(256,
            key -> ((ZoneId) key.get(0)).getDisplayName(TextStyle.SHORT, (Locale) key.get(1)));
    /** A number format is not safe to share between threads: each use takes a copy of the one kept. */
    private static final FewKept<List<Object>, NumberFormat> MONEY = new FewKept<>(32, key -> {
        NumberFormat format = NumberFormat.getCurrencyInstance((Locale) key.get(0));
        format.setCurrency(Currency.getInstance((String) key.get(1)));
        return format;
    });

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        Locale locale = locale();
        ZoneId zone = zone();
        return DATE_TIMES.get(locale).format(instant.atZone(zone)) + " " + ZONE_NAMES.get(List.of(zone, locale));
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATES.get(locale()).format(date);
    }

    /** A day written out, as in notices ("February 1, 2027", "1 février 2027"). */
    public String longDate(LocalDate date) {
        return date == null ? "" : LONG_DATES.get(locale()).format(date);
    }

    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        return ((NumberFormat) MONEY.get(List.of(locale(), currency)).clone()).format(amount);
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
