package org.dealreg.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.dealreg.accounts.AccountBook;

/**
 * Sam's 200-odd direct-sales accounts: Globex (engaged 10 days ago), Initech (owned, not engaged) and
 * Compagnie Générale des Eaux (engaged), plus generated US and French companies, a few of them engaged.
 */
final class DemoAccounts {

    private static final List<String> US_NAMES = List.of("Acme", "Apex", "Atlas", "Aurora", "Beacon", "Blue River",
            "Cedar", "Cobalt", "Crescent", "Delta", "Eagle", "Ember", "Falcon", "Frontier", "Granite", "Harbor",
            "Horizon", "Iron Peak", "Juniper", "Keystone", "Lakeside", "Liberty", "Maple", "Meridian", "Northstar",
            "Oakridge", "Pinnacle", "Quantum", "Redwood", "Summit");
    private static final List<String> US_SECTORS = List.of("Manufacturing", "Health Systems", "Logistics", "Energy",
            "Financial");
    private static final List<String> FR_NAMES = List.of("Alpes", "Armor", "Bretagne", "Cévennes", "Loire",
            "Garonne", "Provence", "Vosges", "Jura", "Normandie");
    private static final List<String> FR_SECTORS = List.of("Transports", "Santé", "Énergie", "Assurances",
            "Distribution");

    private DemoAccounts() {
    }

    static void load(AccountBook book, UUID sam, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        UUID globex = book.upsert("CRM-GLOBEX", "Globex Corporation", "US", Set.of("globex.example"), sam);
        book.engage(globex, sam, today.minusDays(10));
        book.upsert("CRM-INITECH", "Initech LLC", "US", Set.of("initech.example"), sam);
        UUID cge = book.upsert("CRM-CGE", "Compagnie Générale des Eaux", "FR", Set.of("cge.example"), sam);
        book.engage(cge, sam, today.minusDays(30));
        int n = 0;
        for (String name : US_NAMES) {
            for (String sector : US_SECTORS) {
                UUID id = book.upsert("CRM-US-%03d".formatted(++n), name + " " + sector + " Inc.", "US",
                        Set.of(slug(name + sector) + ".example"), sam);
                if (n % 10 == 0) {
                    book.engage(id, sam, today.minusDays(n % 60));
                }
            }
        }
        for (String name : FR_NAMES) {
            for (String sector : FR_SECTORS) {
                UUID id = book.upsert("CRM-FR-%03d".formatted(++n), sector + " " + name + " SAS", "FR",
                        Set.of(slug(sector + name) + ".example"), sam);
                if (n % 10 == 0) {
                    book.engage(id, sam, today.minusDays(n % 60));
                }
            }
        }
    }

    private static String slug(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
