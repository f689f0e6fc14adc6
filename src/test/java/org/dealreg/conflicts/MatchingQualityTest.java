package org.dealreg.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.accounts.AccountBook;
import org.dealreg.accounts.AccountMatch;
import org.dealreg.accounts.DirectAccounts;
import org.dealreg.shared.CustomerNormaliser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The matcher on a labelled set of company-name pairs (src/test/resources/matching/labelled-pairs.csv):
 * each left-hand name becomes a direct-sales account, each right-hand name is checked against the
 * accounts through the production query, inside a transaction that is rolled back. The column
 * {@code when_engaged} says what the verdict must be when direct sales is engaged with the account: REVIEW for a
 * typo of its name, CLEAR for a distinct company sharing a word with it (empty: not measured that way).
 */
@IntegrationTest
class MatchingQualityTest {

    @Autowired AccountBook book;
    @Autowired DirectAccounts accounts;
    @Autowired TestUsers users;
    @Autowired TransactionTemplate transactions;
    @Autowired jakarta.persistence.EntityManager entityManager;

    record Pair(String nameA, String countryA, String nameB, String countryB, boolean same, Verdict whenEngaged) {
    }

    @Test
    void strongMatchesAreAlwaysRightAndStrongPlusWeakFindAtLeast95PercentOfTheSameCompanies() throws Exception {
        List<Pair> pairs = load();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(150);
        UUID owner = users.byEmail("sam@dealreg.example").id();
        int strongRight = 0;
        int strongWrong = 0;
        int found = 0;
        int positives = 0;
        List<String> misses = new ArrayList<>();
        List<String> wrongStrong = new ArrayList<>();

        int[] counts = transactions.execute(status -> {
            status.setRollbackOnly();
            int[] c = new int[4];
            for (Pair pair : pairs) {
                UUID account = book.upsert("LABEL-" + UUID.randomUUID(), pair.nameA(), pair.countryA(), Set.of(), owner);
                entityManager.flush();
                List<AccountMatch> matches = accounts.match(CustomerNormaliser.name(pair.nameB()), pair.countryB(), null,
                        Instant.now()).stream().filter(m -> m.accountId().equals(account)).toList();
                boolean strong = matches.stream().anyMatch(m -> m.kind().strong());
                boolean any = !matches.isEmpty();
                if (strong) {
                    if (pair.same()) {
                        c[0]++;
                    } else {
                        c[1]++;
                        wrongStrong.add(pair.toString());
                    }
                }
                if (pair.same()) {
                    c[3]++;
                    if (any) {
                        c[2]++;
                    } else {
                        misses.add(pair.nameA() + " / " + pair.nameB());
                    }
                }
            }
            return c;
        });
        strongRight = counts[0];
        strongWrong = counts[1];
        found = counts[2];
        positives = counts[3];

        double precision = strongRight / (double) (strongRight + strongWrong);
        double recall = found / (double) positives;
        System.out.printf("Matching quality on %d pairs: strong precision %.3f (%d/%d), strong+weak recall %.3f (%d/%d)%n",
                pairs.size(), precision, strongRight, strongRight + strongWrong, recall, found, positives);
        misses.forEach(m -> System.out.println("  missed: " + m));
        assertThat(wrongStrong).as("strong matches between different companies").isEmpty();
        assertThat(precision).isEqualTo(1.0);
        assertThat(recall).as("missed: %s", misses).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void typosOfEngagedAccountsNeedReviewWhileDistinctCompaniesSharingAWordStayClear() throws Exception {
        List<Pair> labelled = load().stream().filter(p -> p.whenEngaged() != null).toList();
        UUID owner = users.byEmail("sam@dealreg.example").id();
        List<String> typosMissed = new ArrayList<>();
        List<String> notClear = new ArrayList<>();

        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            for (Pair pair : labelled) {
                UUID account = book.upsert("LABEL-" + UUID.randomUUID(), pair.nameA(), pair.countryA(), Set.of(), owner);
                book.engage(account, owner, LocalDate.now().minusDays(10));
                entityManager.flush();
                List<AccountMatch> matches = accounts.decisiveMatches(CustomerNormaliser.name(pair.nameB()),
                        pair.countryB(), null, Instant.now()).stream().filter(m -> m.accountId().equals(account)).toList();
                Verdict verdict = ConflictVerdictPolicy.decide(matches, false);
                if (pair.whenEngaged() == Verdict.REVIEW && verdict == Verdict.CLEAR) {
                    typosMissed.add(pair.nameA() + " / " + pair.nameB());
                } else if (pair.whenEngaged() == Verdict.CLEAR && verdict != Verdict.CLEAR) {
                    notClear.add(pair.nameA() + " / " + pair.nameB() + ": " + verdict);
                }
            }
        });

        long typos = labelled.stream().filter(p -> p.whenEngaged() == Verdict.REVIEW).count();
        long distinct = labelled.size() - typos;
        double recall = (typos - typosMissed.size()) / (double) typos;
        System.out.printf("Typos of engaged accounts: recall %.3f (%d/%d); distinct companies sharing a word kept CLEAR: "
                + "%d/%d%n", recall, typos - typosMissed.size(), typos, distinct - notClear.size(), distinct);
        typosMissed.forEach(m -> System.out.println("  typo missed: " + m));
        notClear.forEach(m -> System.out.println("  not clear: " + m));
        assertThat(typos).isGreaterThanOrEqualTo(60);
        assertThat(recall).as("typos missed: %s", typosMissed).isGreaterThanOrEqualTo(0.95);
        assertThat(notClear).as("distinct companies sharing a word").isEmpty();
    }

    private static List<Pair> load() throws Exception {
        try (Reader in = new InputStreamReader(MatchingQualityTest.class.getResourceAsStream("/matching/labelled-pairs.csv"),
                StandardCharsets.UTF_8)) {
            List<Pair> pairs = new ArrayList<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String whenEngaged = r.isSet("when_engaged") ? r.get("when_engaged") : "";
                pairs.add(new Pair(r.get("name_a"), r.get("country_a"), r.get("name_b"), r.get("country_b"),
                        Boolean.parseBoolean(r.get("same")), whenEngaged.isEmpty() ? null : Verdict.valueOf(whenEngaged)));
            }
            return pairs;
        }
    }
}
