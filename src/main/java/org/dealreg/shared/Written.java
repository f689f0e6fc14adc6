package org.dealreg.shared;

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

/**
 * Amounts, days and moments as a reader's language writes them, in the reader's time zone: the pages (through
 * {@code @fmt}) and the messages the portal sends use these. A language's formats, and a zone's short name in it, are
 * made once and kept: making them for each value (looking the locale's patterns and the zone's names up) was a tenth
 * of the review queue's CPU and a twentieth of a submission's.
 */
public final class Written {

    private static final FewKept<Locale, DateTimeFormatter> MOMENTS = new FewKept<>(8,
            locale -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale));
    private static final FewKept<Locale, DateTimeFormatter> DAYS = new FewKept<>(8,
            locale -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    private static final FewKept<Locale, DateTimeFormatter> LONG_DAYS = new FewKept<>(8,
            locale -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    private static final FewKept<List<Object>, String> ZONE_NAMES = new FewKept<>(256,
            key -> ((ZoneId) key.get(0)).getDisplayName(TextStyle.SHORT, (Locale) key.get(1)));
    /** A number format is not safe to share between threads: each use takes a copy of the one kept. */
    private static final FewKept<List<Object>, NumberFormat> MONEY = new FewKept<>(32, key -> {
        NumberFormat format = NumberFormat.getCurrencyInstance((Locale) key.get(0));
        format.setCurrency(Currency.getInstance((String) key.get(1)));
        return format;
    });

    private Written() {
    }

    /** "Feb 1, 2027, 2:30 PM CET": the moment in {@code zone}, with the zone's short name. */
    public static String moment(Instant instant, ZoneId zone, Locale locale) {
        return MOMENTS.get(locale).format(instant.atZone(zone)) + " " + ZONE_NAMES.get(List.of(zone, locale));
    }

    /** "Feb 1, 2027", "1 févr. 2027". */
    public static String day(LocalDate date, Locale locale) {
        return DAYS.get(locale).format(date);
    }

    /** A day written out, as in notices ("February 1, 2027", "1 février 2027"). */
    public static String longDay(LocalDate date, Locale locale) {
        return LONG_DAYS.get(locale).format(date);
    }

    /** A message's arguments as its reader reads them: a day written out ({@link #longDay}), anything else as it is. */
    public static Object[] arguments(List<?> arguments, Locale locale) {
        return arguments.stream().map(a -> a instanceof LocalDate date ? longDay(date, locale) : a).toArray();
    }

    /** "$120,000.00", "120 000,00 €". */
    public static String money(BigDecimal amount, String currency, Locale locale) {
        return ((NumberFormat) MONEY.get(List.of(locale, currency)).clone()).format(amount);
    }
}
