package org.dealreg.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.PortalClient;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.partners.PartnerView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case a manager most needs to read: a second partner, from another region, registers a customer a first
 * partner already holds. Found in a browser as a 500 on the review page; driven here over HTTP as the pages are.
 */
@IntegrationTest
class PartnerAgainstPartnerReviewTest {

    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void theManagerReadsTheSecondPartnersRegistrationWithTheFirstPartnersInTheReport() throws Exception {
        PartnerView first = users.newPartner("US");
        PartnerView second = users.newPartner("FR");
        CurrentUser bob = users.newPartnerUser(first);
        CurrentUser claire = users.newPartnerUser(second);
        Map<String, String> deal = validDeal();

        users.withFranceOpeningOn(LocalDate.now().minusDays(1), () -> {
            UUID earlier = submit(bob, deal);
            UUID later = submit(claire, deal);

            PortalClient maria = new PortalClient(port);
            maria.signIn("maria@dealreg.example", "demo-password");
            HttpResponse<String> page = maria.get("/review/" + later);

            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            String matches = page.body().substring(page.body().indexOf("id=\"matches\""));
            assertThat(matches).contains(first.legalName()).contains("/review/" + earlier);
            assertThat(page.body()).contains("id=\"approve\"").contains("id=\"reject\"");

            // a likely conflict is approved only by a manager who says they read its report (issue 18 §6)
            assertThat(page.body()).contains("id=\"conflict-checked\"");
            maria.post("/review/" + later + "/approve", Map.of("version", "0"));
            assertThat(maria.get("/review/" + later).body()).contains("tick that you read its report");
            assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, later))
                    .as("nothing decided").isEqualTo("SUBMITTED");
            maria.post("/review/" + later + "/approve", Map.of("version", "0", "conflictChecked", "true"));
            assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, later))
                    .isEqualTo("APPROVED");
        });
    }

    private UUID submit(CurrentUser partnerUser, Map<String, String> deal) {
        PortalClient client = new PortalClient(port);
        client.signIn(partnerUser.email(), TestUsers.PASSWORD);
        client.get("/deals/new");
        HttpResponse<String> response = client.post("/deals", deal);
        String location = response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("not stored: " + response.statusCode() + " " + response.body()));
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }
}
