package org.dealreg.shared;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ISO countries for a select, named in the reader's language and sorted as that language sorts. A language's list
 * is made once and kept (naming and collating 249 countries was three quarters of the registration form's own work),
 * for a few languages: a locale comes from a cookie the browser sends, so an unbounded number could be asked for.
 */
public final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final FewKept<Locale, List<Country>> NAMED = new FewKept<>(8, Countries::sorted);

    private Countries() {
    }

    public static List<Country> named(Locale locale) {
        return NAMED.get(new Locale(locale.getLanguage()));
    }

    /** The list with {@code first} (a partner's own country, say) at its top, where a person looks first. */
    public static List<Country> named(Locale locale, String first) {
        List<Country> all = named(locale);
        return java.util.stream.Stream.concat(all.stream().filter(c -> c.code().equals(first)),
                all.stream().filter(c -> !c.code().equals(first))).toList();
    }

    private static List<Country> sorted(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, new Locale("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
    }

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }

    public record Country(String code, String name) {
    }
}
