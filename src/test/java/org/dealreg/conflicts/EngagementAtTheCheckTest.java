package org.dealreg.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.accounts.AccountBook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Direct sales' engagement is judged on the day of the check's own time (the time its locks were held, the
 * submission's time, UTC day), which the account matches read in the same round trip as the locks: an engagement
 * counts from the day it starts and no longer on the day it ends.
 */
@IntegrationTest
class EngagementAtTheCheckTest {

    @Autowired AccountBook book;
    @Autowired ConflictCheck conflicts;
    @Autowired TestUsers users;
    @Autowired TransactionTemplate transactions;

    @Test
    void anEngagementCountsFromTheDayItStartsUntilTheDayItEndsOnTheDayOfTheCheck() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID partner = users.newPartner("US").id();

        assertThat(verdict(partner, engaged(today, null))).as("starts today").isEqualTo(Verdict.CONFLICT);
        assertThat(verdict(partner, engaged(today.plusDays(1), null))).as("starts tomorrow").isEqualTo(Verdict.REVIEW);
        assertThat(verdict(partner, engaged(today.minusDays(5), today))).as("ended today").isEqualTo(Verdict.REVIEW);
        assertThat(verdict(partner, engaged(today.minusDays(5), today.plusDays(1)))).as("ends tomorrow")
                .isEqualTo(Verdict.CONFLICT);
    }

    /** A direct account of its own name, engaged by Sam from {@code since} (and ended on {@code endedOn}). */
    private String engaged(LocalDate since, LocalDate endedOn) {
        String name = "Asof " + letters(UUID.randomUUID()) + " Industries";
        UUID rep = users.byEmail("sam@dealreg.example").id();
        UUID account = book.upsert("ASOF-" + UUID.randomUUID(), name, "US", Set.of(), rep);
        book.engage(account, rep, since);
        if (endedOn != null) {
            book.endEngagements(account, endedOn);
        }
        return name;
    }

    private Verdict verdict(UUID partner, String customerName) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            return conflicts.claimAndCheck(UUID.randomUUID(), partner,
                    new CustomerToCheck(customerName, null, null, "US")).verdict();
        });
    }

    /** A word of letters only (digits would make another word of the normalised name). */
    private static String letters(UUID id) {
        StringBuilder word = new StringBuilder();
        for (char c : id.toString().replace("-", "").toCharArray()) {
            word.append((char) ('a' + Character.digit(c, 16)));
        }
        return word.toString();
    }
}
