package org.dealreg;

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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Creates partners and users of their own for tests, so that tests never share rows they count. */
@Component
public class TestUsers {

    public static final String PASSWORD = "test-password-1";

    private final Partners partners;
    private final UserAccounts accounts;
    private final UserDetailsService userDetails;

    TestUsers(Partners partners, UserAccounts accounts, UserDetailsService userDetails) {
        this.partners = partners;
        this.accounts = accounts;
        this.userDetails = userDetails;
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

    public CurrentUser byEmail(String email) {
        return (CurrentUser) userDetails.loadUserByUsername(email);
    }
}
