package org.dealreg.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.partners.PartnerActivity;
import org.dealreg.registration.ManagerReview;
import org.dealreg.registration.RejectionReason;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The count of a partner's open registrations that the cap, the partner's profile and the review page read is kept by
 * PostgreSQL as registrations change (V39). It must say what counting the rows says after every way a registration
 * opens or ends: submission, approval, rejection, withdrawal, a close and the protection's end.
 */
@IntegrationTest
class OpenRegistrationCountTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired ManagerReview review;
    @Autowired ProtectionJob protection;
    @Autowired PartnerActivity activity;

    @Test
    void theCountFollowsEveryWayARegistrationOpensAndEnds() throws Exception {
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        UUID manager = users.byEmail("maria@dealreg.example").id();
        UUID rejected = submitted(mvc, bob, validDeal());
        UUID withdrawn = submitted(mvc, bob, validDeal());
        UUID won = submitted(mvc, bob, validDeal());
        UUID expired = submitted(mvc, bob, validDeal());
        UUID stillOpen = submitted(mvc, bob, validDeal());
        assertOpen(bob, 5);

        review.reject(rejected, version(rejected), manager, RejectionReason.INCOMPLETE, "The contact is missing.");
        assertOpen(bob, 4);

        mvc.perform(post("/deals/{id}/withdraw", withdrawn).param("version", String.valueOf(version(withdrawn)))
                .with(csrf()).with(user(bob))).andExpect(status().is3xxRedirection());
        assertOpen(bob, 3);

        review.approve(won, version(won), manager);
        review.approve(expired, version(expired), manager);
        review.approve(stillOpen, version(stillOpen), manager);
        assertOpen(bob, 3);

        mvc.perform(post("/deals/{id}/close", won).param("outcome", "WON").param("version", String.valueOf(version(won)))
                .param("amount", "120,000.00").param("currency", "USD")
                .param("closedOn", LocalDate.now(ZoneId.of("America/New_York")).toString())
                .with(csrf()).with(user(bob))).andExpect(status().is3xxRedirection());
        assertOpen(bob, 2);

        Instant now = Instant.now();
        jdbc.update("update registration set protection_ends_at = ? where id = ?",
                Timestamp.from(now.minusSeconds(1)), expired);
        protection.run(now);
        assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, expired))
                .isEqualTo("EXPIRED");
        assertOpen(bob, 1);
    }

    @Test
    void everyPartnersKeptCountSaysWhatCountingItsRowsSays() {
        List<Map<String, Object>> differing = jdbc.queryForList("""
                select p.partner_id, p.counted, coalesce(k.kept, 0) as kept
                  from (select partner_id, count(*) filter (where status in ('SUBMITTED', 'APPROVED')) as counted
                          from registration group by partner_id) p
                  left join (select partner_id, sum(open) as kept from registration_open_count group by partner_id) k
                    on k.partner_id = p.partner_id
                 where p.counted <> coalesce(k.kept, 0)""");
        assertThat(jdbc.queryForObject("select count(*) from registration", Long.class))
                .as("the demo data and the tests that ran before left registrations to compare").isPositive();
        assertThat(differing).isEmpty();
    }

    private void assertOpen(CurrentUser partner, long expected) {
        assertThat(jdbc.queryForObject("select count(*) from registration where partner_id = ? "
                + "and status in ('SUBMITTED', 'APPROVED')", Long.class, partner.partnerId())).isEqualTo(expected);
        assertThat(activity.openRegistrations(partner.partnerId())).as("the kept count").isEqualTo(expected);
    }

    private int version(UUID id) {
        return Integer.parseInt(org.dealreg.registration.internal.DealRegistrationTestSupport.version(jdbc, id));
    }
}
