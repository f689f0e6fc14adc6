package org.dealreg.shared;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The ISO countries for a select, named in the reader's language and sorted as that language sorts. */
public final class Countries {

    private Countries() {
    }

    public static List<Country> named(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, new Locale("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
    }

    public static boolean isKnown(String code) {
        return code != null && Arrays.asList(Locale.getISOCountries()).contains(code);
    }

    public record Country(String code, String name) {
    }
}
