package org.dealreg.team.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.InvitationLinks;
import org.dealreg.PortalClient;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.partners.PartnerView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitAs;

/**
 * A partner admin's users page: who registered what, inviting colleagues into their own company only, deactivating
 * them; and who cannot sign in (deactivated users, users of a company that is not active), sessions included.
 */
@IntegrationTest
class TeamTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    void theAdminSeesEachUserAndWhatTheyRegisteredOfTheirOwnCompanyOnly() throws Exception {
        PartnerView partner = users.newPartner("US");
        CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, partner.id());
        CurrentUser seller = users.newPartnerUser(partner);
        String deal = submitAs(mvc, seller);
        String receipt = jdbc.queryForObject("select receipt_number from registration where id = ?::uuid", String.class,
                deal.substring(deal.lastIndexOf('/') + 1));
        CurrentUser stranger = users.newPartnerUser(users.newPartner("US"));
        submitAs(mvc, stranger);

        String page = signedIn(admin).get("/team").body();

        assertThat(page).contains(seller.email()).contains(admin.email()).contains("1 registration").contains(receipt)
                .contains("No registration").doesNotContain(stranger.email());
    }

    @Test
    void theAdminInvitesAColleagueIntoTheirOwnCompanyWhateverThePostClaims() {
        PartnerView partner = users.newPartner("US");
        PartnerView other = users.newPartner("US");
        CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, partner.id());
        PortalClient client = signedIn(admin);
        client.get("/team");
        String email = "colleague-" + UUID.randomUUID() + "@test.example";

        Map<String, String> form = new LinkedHashMap<>();
        form.put("displayName", "New Colleague");
        form.put("email", email);
        form.put("role", "PARTNER_USER");
        form.put("partnerId", other.id().toString());
        form.put("enabled", "true");
        HttpResponse<String> response = client.post("/team/invite", form);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForMap("select role, partner_id, password_set from app_user where email = ?", email))
                .containsEntry("role", "PARTNER_USER").containsEntry("partner_id", partner.id())
                .containsEntry("password_set", false);
        assertThat(InvitationLinks.latestFor(jdbc, email)).startsWith("/invitations/");
        assertThat(client.get("/team").body()).contains(email).contains("Invited, password not set yet");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'USER_INVITED' and actor_id = ?",
                Long.class, admin.id())).isEqualTo(1);
    }

    @Test
    void anExpiredInvitationIsReplacedByANewLinkAndTheOldOneStopsWorking() {
        PartnerView partner = users.newPartner("US");
        CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, partner.id());
        PortalClient client = signedIn(admin);
        client.get("/team");
        String email = "late-" + UUID.randomUUID() + "@test.example";
        client.post("/team/invite", Map.of("displayName", "Late Colleague", "email", email, "role", "PARTNER_USER"));
        String first = InvitationLinks.latestFor(jdbc, email);
        UUID colleague = jdbc.queryForObject("select id from app_user where email = ?", UUID.class, email);
        CurrentUser stranger = users.newUser(Role.PARTNER_ADMIN, users.newPartner("US").id());
        PortalClient strangersClient = signedIn(stranger);
        strangersClient.get("/team");
        assertThat(strangersClient.post("/team/" + colleague + "/reinvite", Map.of()).statusCode())
                .as("another company's admin").isEqualTo(404);

        client.get("/team");
        client.post("/team/" + colleague + "/reinvite", Map.of());

        String second = InvitationLinks.latestFor(jdbc, email);
        assertThat(second).isNotEqualTo(first);
        assertThat(new PortalClient(port).get(first).body()).contains("This invitation link has expired");
        PortalClient invitee = new PortalClient(port);
        invitee.get(second);
        invitee.post(second, Map.of("password", "a brand new passphrase", "confirmation", "a brand new passphrase"));
        assertThat(new PortalClient(port).signIn(email, "a brand new passphrase")).endsWith("/");
        client.get("/team");
        assertThat(client.post("/team/" + colleague + "/reinvite", Map.of()).statusCode())
                .as("not once the password is set").isEqualTo(404);
    }

    @Test
    void aForgedStaffRoleIsRefusedWithAMessageAndNothingStored() {
        PartnerView partner = users.newPartner("US");
        CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, partner.id());
        PortalClient client = signedIn(admin);
        client.get("/team");
        for (String role : new String[] {"CHANNEL_MANAGER", "PROGRAM_ADMIN", "SALES_REP", "nonsense"}) {
            String email = "forged-" + UUID.randomUUID() + "@test.example";
            HttpResponse<String> response = client.post("/team/invite", Map.of("displayName", "Forged", "email", email,
                    "role", role));
            assertThat(response.statusCode()).as(role).isEqualTo(200);
            assertThat(response.body()).contains("Choose partner user or partner admin.");
            assertThat(jdbc.queryForObject("select count(*) from app_user where email = ?", Long.class, email)).isZero();
        }
    }

    @Test
    void anotherCompanysUserIsNotFoundAndStaysActive() {
        CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, users.newPartner("US").id());
        CurrentUser stranger = users.newPartnerUser(users.newPartner("US"));
        PortalClient client = signedIn(admin);
        client.get("/team");

        HttpResponse<String> response = client.post("/team/" + stranger.id() + "/deactivate", Map.of());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(enabled(stranger)).isTrue();
        assertThat(client.post("/team/" + users.byEmail("maria@dealreg.example").id() + "/deactivate", Map.of())
                .statusCode()).as("nor staff").isEqualTo(404);
    }

    @Test
    void anAdminCannotDeactivateThemself() {
        CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, users.newPartner("US").id());
        PortalClient client = signedIn(admin);
        client.get("/team");
        client.post("/team/" + admin.id() + "/deactivate", Map.of());
        assertThat(client.get("/team").body()).contains("You cannot deactivate yourself.");
        assertThat(enabled(admin)).isTrue();
    }

    @Test
    void aPartnerUserGets403() {
        CurrentUser seller = users.newPartnerUser(users.newPartner("US"));
        PortalClient client = signedIn(seller);
        assertThat(client.get("/team").statusCode()).isEqualTo(403);
        client.get("/deals");
        assertThat(client.post("/team/invite", Map.of("displayName", "X", "email", "x-" + UUID.randomUUID() + "@test.example",
                "role", "PARTNER_ADMIN")).statusCode()).isEqualTo(403);
    }

    @Test
    void aDeactivatedUserCannotSignInAndTheirOpenSessionEndsOnItsNextRequest() {
        PartnerView partner = users.newPartner("US");
        CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, partner.id());
        CurrentUser seller = users.newPartnerUser(partner);
        PortalClient sellersSession = signedIn(seller);
        assertThat(sellersSession.get("/deals").statusCode()).isEqualTo(200);

        PortalClient client = signedIn(admin);
        client.get("/team");
        client.post("/team/" + seller.id() + "/deactivate", Map.of());

        assertThat(enabled(seller)).isFalse();
        HttpResponse<String> next = sellersSession.get("/deals");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(sellersSession.get("/deals").statusCode()).as("still out").isEqualTo(302);
        assertThat(new PortalClient(port).signIn(seller.email(), TestUsers.PASSWORD)).endsWith("/login?error");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'USER_DEACTIVATED' and subject_id = ?",
                Long.class, seller.id().toString())).isEqualTo(1);

        client.post("/team/" + seller.id() + "/reactivate", Map.of());
        assertThat(new PortalClient(port).signIn(seller.email(), TestUsers.PASSWORD)).endsWith("/");
    }

    @Test
    void aUserOfASuspendedCompanyCannotSignInAndTheirSessionEnds() {
        PartnerView partner = users.newPartner("US");
        CurrentUser seller = users.newPartnerUser(partner);
        PortalClient session = signedIn(seller);
        try {
            jdbc.update("update partner set status = 'SUSPENDED' where id = ?", partner.id());
            assertThat(session.get("/deals").statusCode()).isEqualTo(302);
            PortalClient fresh = new PortalClient(port);
            assertThat(fresh.signIn(seller.email(), TestUsers.PASSWORD)).endsWith("/login?error");
            assertThat(fresh.get("/login?error").body()).contains("Wrong e-mail or password.");
            jdbc.update("update partner set status = 'APPLIED' where id = ?", partner.id());
            assertThat(new PortalClient(port).signIn(seller.email(), TestUsers.PASSWORD)).as("nor before it is active")
                    .endsWith("/login?error");
        } finally {
            jdbc.update("update partner set status = 'ACTIVE' where id = ?", partner.id());
        }
        assertThat(new PortalClient(port).signIn(seller.email(), TestUsers.PASSWORD)).endsWith("/");
    }

    private PortalClient signedIn(CurrentUser user) {
        PortalClient client = new PortalClient(port);
        assertThat(client.signIn(user.email(), TestUsers.PASSWORD)).endsWith("/");
        return client;
    }

    private boolean enabled(CurrentUser user) {
        return jdbc.queryForObject("select enabled from app_user where id = ?", Boolean.class, user.id());
    }
}
