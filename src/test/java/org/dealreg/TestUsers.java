package org.dealreg;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.identity.UserAccounts;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.Partners;
import org.dealreg.partners.Tier;
import org.dealreg.program.internal.ProgrammeChangesForTests;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Creates partners and users of their own for tests, so that tests never share rows they count. */
@Component
public class TestUsers {

    public static final String PASSWORD = "test-password-1";

    private final Partners partners;
    private final UserAccounts accounts;
    private final UserDetailsService userDetails;
    private final JdbcTemplate jdbc;
    private final ApplicationContext context;

    TestUsers(Partners partners, UserAccounts accounts, UserDetailsService userDetails, JdbcTemplate jdbc,
            ApplicationContext context) {
        this.jdbc = jdbc;
        this.context = context;
        this.partners = partners;
        this.accounts = accounts;
        this.userDetails = userDetails;
    }

    /**
     * A sales region of the test's own (X + a letter), with one country of the same code, open since long ago: a
     * partner of that country belongs to it, and only the test adds registrations to it.
     */
    public String newRegion() {
        for (char c = 'A'; c <= 'Z'; c++) {
            String code = "X" + c;
            int added = jdbc.update("insert into region (code, currency, time_zone, default_locale, launch_date) "
                    + "values (?, 'USD', 'America/Chicago', 'en', date '2000-01-01') on conflict do nothing", code);
            if (added == 1) {
                jdbc.update("insert into region_country (country, region_code) values (?, ?)", code, code);
                programmeChangedBySql();
                return code;
            }
        }
        throw new IllegalStateException("No free test region code left");
    }

    public PartnerView newPartner(String country) {
        return partners.addActive("Test Partner " + UUID.randomUUID(), country, Tier.REGISTERED, Set.of());
    }

    public CurrentUser newPartnerUser(PartnerView partner) {
        return newUser(Role.PARTNER_USER, partner.id());
    }

    public CurrentUser newUser(Role role, UUID partnerId) {
        String email = role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + "@test.example";
        accounts.create(new UserAccounts.NewUser(email, "Test " + role, role, partnerId, Locale.ENGLISH,
                ZoneId.of("America/New_York"), PASSWORD));
        return byEmail(email);
    }

    /**
     * Moves the day France opens, runs the check, and puts the day back, so tests about a region that
     * has not launched do not depend on today's date.
     */
    public void withFranceOpeningOn(LocalDate day, ThrowingRunnable check) throws Exception {
        LocalDate before = jdbc.queryForObject("select launch_date from region where code = 'FR'", LocalDate.class);
        jdbc.update("update region set launch_date = ? where code = 'FR'", day);
        programmeChangedBySql();
        try {
            check.run();
        } finally {
            jdbc.update("update region set launch_date = ? where code = 'FR'", before);
            programmeChangedBySql();
        }
    }

    /** After a test changed regions or settings with SQL: every node reloads them, this one at once. */
    public void programmeChangedBySql() {
        ProgrammeChangesForTests.changedBySql(context);
    }

    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    public CurrentUser byEmail(String email) {
        return (CurrentUser) userDetails.loadUserByUsername(email);
    }
}
