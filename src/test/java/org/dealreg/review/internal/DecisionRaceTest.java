package org.dealreg.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.registration.AlreadyDecided;
import org.dealreg.registration.ManagerReview;
import org.dealreg.registration.RejectionReason;
import org.dealreg.registration.internal.DealRegistrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Two managers decide the same registration at the same moment, from the same version: exactly one decision. */
@IntegrationTest
class DecisionRaceTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired ManagerReview review;
    @Autowired JdbcTemplate jdbc;

    @Test
    void ofTwoSimultaneousDecisionsExactlyOneIsRecordedEveryTime() throws Exception {
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        CurrentUser other = users.newUser(Role.CHANNEL_MANAGER, null);
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String location = DealRegistrationTestSupport.submit(mvc, partner, validDeal());
                UUID id = UUID.fromString(location.substring("/deals/".length()));
                int seen = jdbc.queryForObject("select version from registration where id = ?", Integer.class, id);
                CountDownLatch gate = new CountDownLatch(1);
                List<Future<String>> outcomes = new ArrayList<>();
                outcomes.add(pool.submit(() -> decide(gate, () -> review.approve(id, seen, maria.id()), "APPROVED")));
                outcomes.add(pool.submit(() -> decide(gate, () -> review.reject(id, seen, other.id(),
                        RejectionReason.OTHER, "Too late."), "REJECTED")));
                gate.countDown();
                List<String> results = new ArrayList<>();
                for (Future<String> f : outcomes) {
                    results.add(f.get());
                }

                assertThat(results).as("round %d", round).containsOnlyOnce("refused");
                String winner = results.stream().filter(r -> !r.equals("refused")).findFirst().orElseThrow();
                assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, id))
                        .isEqualTo(winner);
                assertThat(jdbc.queryForList("select action from registration_history where registration_id = ? "
                        + "order by id", String.class, id)).containsExactly("SUBMITTED", winner);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String decide(CountDownLatch gate, Runnable decision, String outcome) throws InterruptedException {
        gate.await();
        try {
            decision.run();
            return outcome;
        } catch (AlreadyDecided refused) {
            return "refused";
        }
    }
}
