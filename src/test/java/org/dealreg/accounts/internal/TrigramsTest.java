package org.dealreg.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dealreg.IntegrationTest;
import org.dealreg.shared.CustomerNormaliser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The copy of the engaged names must find what {@code pg_trgm} would: {@link Trigrams} against PostgreSQL's own
 * {@code similarity()} and {@code show_trgm()}, on the labelled pairs (as typed and normalised) and on random names
 * with digits, accents, punctuation and repeated letters.
 */
@IntegrationTest
class TrigramsTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void similarityIsPostgresqlsOnTheLabelledPairs() throws Exception {
        List<String[]> pairs = new ArrayList<>();
        try (Reader in = new InputStreamReader(TrigramsTest.class.getResourceAsStream("/matching/labelled-pairs.csv"),
                StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                pairs.add(new String[] {r.get("name_a"), r.get("name_b")});
                pairs.add(new String[] {CustomerNormaliser.name(r.get("name_a")), CustomerNormaliser.name(r.get("name_b"))});
            }
        }
        assertThat(pairs).hasSizeGreaterThan(600);
        assertSameAsPostgresql(pairs);
    }

    @Test
    void similarityIsPostgresqlsOnRandomNames() {
        Random random = new Random(7);
        String letters = "abcdefghijklmnopqrstuvwxyz";
        String others = "0123456789éèàçüößø  -&.'";
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String a = randomName(random, letters, others);
            // half the time a near copy, so that similarities near the threshold are common
            String b = random.nextBoolean() ? mutate(a, random, letters) : randomName(random, letters, others);
            pairs.add(new String[] {a, b});
            pairs.add(new String[] {CustomerNormaliser.name(a), CustomerNormaliser.name(b)});
        }
        assertSameAsPostgresql(pairs);
    }

    @Test
    void aNameHasTheTrigramsPostgresqlShows() {
        List<String> names = List.of("globex", "ab", "a", "", "blue ridge logistics", "aa aa", "Société Générale",
                "x1 y2-z3", "  spaced   out  ", "abcabcabc");
        for (String name : names) {
            Integer count = jdbc.queryForObject("select coalesce(array_length(show_trgm(?), 1), 0)", Integer.class, name);
            assertThat(Trigrams.of(name)).as(name).hasSize(count);
        }
    }

    private void assertSameAsPostgresql(List<String[]> pairs) {
        String[] a = pairs.stream().map(p -> p[0]).toArray(String[]::new);
        String[] b = pairs.stream().map(p -> p[1]).toArray(String[]::new);
        List<Float> expected = jdbc.execute((java.sql.Connection con) -> {
            Array left = con.createArrayOf("text", a);
            Array right = con.createArrayOf("text", b);
            List<Float> out = new ArrayList<>();
            try (var ps = con.prepareStatement(
                    "select similarity(x, y) from unnest(?::text[], ?::text[]) with ordinality as t(x, y, n) order by n")) {
                ps.setArray(1, left);
                ps.setArray(2, right);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getFloat(1));
                    }
                }
            }
            return out;
        });
        List<String> different = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            float mine = Trigrams.similarity(Trigrams.of(a[i]), Trigrams.of(b[i]));
            if (Float.compare(mine, expected.get(i)) != 0) {
                different.add("'%s' / '%s': %s, PostgreSQL %s".formatted(a[i], b[i], mine, expected.get(i)));
            }
        }
        assertThat(different).as("similarities that differ from PostgreSQL's").isEmpty();
    }

    private static String randomName(Random random, String letters, String others) {
        StringBuilder s = new StringBuilder();
        int length = 1 + random.nextInt(24);
        for (int i = 0; i < length; i++) {
            s.append(random.nextInt(6) == 0 ? others.charAt(random.nextInt(others.length()))
                    : letters.charAt(random.nextInt(letters.length())));
        }
        return s.toString();
    }

    private static String mutate(String name, Random random, String letters) {
        if (name.isEmpty()) {
            return "x";
        }
        StringBuilder s = new StringBuilder(name);
        int at = random.nextInt(s.length());
        switch (random.nextInt(3)) {
            case 0 -> s.setCharAt(at, letters.charAt(random.nextInt(letters.length())));
            case 1 -> s.deleteCharAt(at);
            default -> s.insert(at, letters.charAt(random.nextInt(letters.length())));
        }
        return s.toString();
    }
}
