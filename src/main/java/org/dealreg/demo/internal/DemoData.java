package org.dealreg.demo.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.dealreg.accounts.AccountBook;
import org.dealreg.identity.Role;
import org.dealreg.identity.UserAccounts;
import org.dealreg.identity.UserAccounts.NewUser;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.Partners;
import org.dealreg.partners.Tier;
import org.dealreg.program.ExchangeRates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo partners, staff and exchange rate (settings, regions and specialisations come with the schema), Sam's
 * accounts and the programme's last month ({@link DemoHistory}). Each part is loaded once: a restart keeps what is
 * there. Every demo login has the password {@value #PASSWORD}.
 */
@Component
@Profile("demo")
class DemoData {

    static final String PASSWORD = "demo-password";
    static final LocalDate RATE_DATE = LocalDate.of(2026, 1, 1);
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Partners partners;
    private final UserAccounts users;
    private final ExchangeRates rates;
    private final Environment environment;
    private final AccountBook accounts;
    private final DemoHistory history;
    private final Clock clock;

    DemoData(Partners partners, UserAccounts users, ExchangeRates rates, Environment environment, AccountBook accounts,
            DemoHistory history, Clock clock) {
        this.accounts = accounts;
        this.history = history;
        this.clock = clock;
        this.partners = partners;
        this.users = users;
        this.rates = rates;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadAndAnnounce() {
        if (partners.findByLegalName("Northwind Systems").isEmpty()) {
            log.info("First start: loading the demo data (partners, users, Sam's direct-sales accounts, then the "
                    + "programme's last four weeks through the real services; about half a minute)...");
            load();
        }
        if (!accounts.exists("CRM-GLOBEX")) {
            users.findByEmail("sam@dealreg.example").ifPresent(sam -> DemoAccounts.load(accounts, sam.id(), clock));
            log.info("Demo direct-sales accounts loaded for sam@dealreg.example");
        }
        history.loadOnce();
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("""

                dealreg is running at http://localhost:{}
                Demo logins (password "{}"):
                  alice@northwind.example   partner admin, Northwind Systems (US, Certified)
                  bob@northwind.example     partner user, Northwind Systems
                  dana@northwind.example    partner user, Northwind Systems (registered the past month's deals)
                  claire@fabrikam.example   partner admin, Fabrikam Intégration (FR, Certified)
                  maria@dealreg.example     channel manager
                  sam@dealreg.example       sales rep
                  ada@dealreg.example       programme admin
                """, port, PASSWORD);
    }

    private void load() {
        ZoneId newYork = ZoneId.of("America/New_York");
        ZoneId paris = ZoneId.of("Europe/Paris");
        // Certified: a reseller registering some 25 deals a month holds more open registrations than a Registered
        // partner's cap allows
        PartnerView northwind = partners.addActive("Northwind Systems", "US", Tier.CERTIFIED,
                Set.of("MANAGED_SERVICES", "INFRASTRUCTURE"));
        PartnerView fabrikam = partners.addActive("Fabrikam Intégration", "FR", Tier.CERTIFIED,
                Set.of("MANAGED_SERVICES", "INFRASTRUCTURE"));
        user("alice@northwind.example", "Alice Walker", Role.PARTNER_ADMIN, northwind.id(), Locale.ENGLISH, newYork);
        user("bob@northwind.example", "Bob Chen", Role.PARTNER_USER, northwind.id(), Locale.ENGLISH, newYork);
        user("claire@fabrikam.example", "Claire Dubois", Role.PARTNER_ADMIN, fabrikam.id(), Locale.FRENCH, paris);
        user("maria@dealreg.example", "Maria Garcia", Role.CHANNEL_MANAGER, null, Locale.ENGLISH, newYork);
        user("sam@dealreg.example", "Sam Porter", Role.SALES_REP, null, Locale.ENGLISH, newYork);
        user("ada@dealreg.example", "Ada Lovelace", Role.PROGRAM_ADMIN, null, Locale.ENGLISH, newYork);
        if (rates.usdPerUnit("EUR", RATE_DATE).isEmpty()) {
            rates.record("EUR", new BigDecimal("1.08"), RATE_DATE);
        }
        log.info("Demo data loaded: 2 partners, 6 users, EUR rate 1.08 USD from {}", RATE_DATE);
    }

    private void user(String email, String name, Role role, UUID partnerId, Locale locale, ZoneId zone) {
        users.create(new NewUser(email, name, role, partnerId, locale, zone, PASSWORD));
    }
}
