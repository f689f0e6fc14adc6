package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sixteen partners submit the same customer at the same instant: the database lets exactly one be first. */
@IntegrationTest
class FirstToRegisterRaceTest {

    static final int THREADS = 16;
    static final int ROUNDS = 20;

    @Autowired RegistrationService registrations;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void exactlyOnePartnerIsFirstEveryTime() throws Exception {
        List<CurrentUser> partners = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            partners.add(users.newPartnerUser(users.newPartner("US")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                String customer = "Racecar" + UUID.randomUUID().toString().substring(0, 8);
                CountDownLatch gate = new CountDownLatch(1);
                List<Future<UUID>> submissions = new ArrayList<>();
                for (CurrentUser partner : partners) {
                    submissions.add(pool.submit(() -> {
                        gate.await();
                        return registrations.submit(partner, form(customer));
                    }));
                }
                gate.countDown();
                List<UUID> ids = new ArrayList<>();
                for (Future<UUID> submission : submissions) {
                    ids.add(submission.get(60, TimeUnit.SECONDS));
                }

                List<Map<String, Object>> verdicts = jdbc.queryForList(
                        "select verdict, count(*) as n from registration where id = any(?) group by verdict",
                        (Object) ids.toArray(new UUID[0]));
                assertThat(verdicts).as("round " + round).containsExactlyInAnyOrder(
                        Map.of("verdict", "CLEAR", "n", 1L), Map.of("verdict", "CONFLICT", "n", (long) THREADS - 1));
                UUID first = jdbc.queryForObject("select id from registration where id = any(?) and verdict = 'CLEAR'",
                        UUID.class, (Object) ids.toArray(new UUID[0]));
                Long pointingAtFirst = jdbc.queryForObject("select count(distinct registration_id) from conflict_match "
                        + "where registration_id = any(?) and other_registration_id = ?", Long.class,
                        ids.toArray(new UUID[0]), first);
                assertThat(pointingAtFirst).as("round " + round + ": every later one names the first")
                        .isEqualTo(THREADS - 1L);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static DealForm form(String customer) {
        return new DealForm(customer + " Corp", "https://" + customer.toLowerCase() + ".example", "US", null, "Buyer",
                "buyer@" + customer.toLowerCase() + ".example", null, "Race", "Who is first?", "INFRASTRUCTURE", "100000",
                "USD", LocalDate.now().plusMonths(2), null);
    }
}
