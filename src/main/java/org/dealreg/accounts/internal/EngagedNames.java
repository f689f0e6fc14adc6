package org.dealreg.accounts.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import org.dealreg.program.ProgrammeSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node's copy of the names of the accounts with an open engagement, which finds the candidates for the similar
 * names that decide a verdict without a trigram index scan (docs/conflict-check.md). It is a candidate generator only:
 * the verdict's query reads the candidates' rows and applies the rules to them as they are now, and it also reads
 * every account whose name, country or open engagement changed in a transaction the copy's snapshot does not see
 * ({@code engaged_name_change}), so a copy that is behind misses nothing.
 *
 * <p>Loaded as a whole in one snapshot (at start, after the listening connection was cut) and then brought up to date
 * by the changes announced on its topic, which a trigger sends for every writer: the changed accounts are read and
 * laid over the loaded index, and a whole reload follows once many have piled up.
 */
@Component
class EngagedNames implements ProgrammeSnapshot {

    static final String TOPIC = "engaged-names";
    /** Changed accounts laid over the loaded index before a whole reload is cheaper. */
    static final int MOST_CHANGES = 1_000;

    private static final Logger log = LoggerFactory.getLogger(EngagedNames.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate oneSnapshot;
    /** Held by a load or a catch-up: one at a time, so an older snapshot never replaces a newer one. */
    final Object loading = new Object();
    private volatile Copy copy;
    /** Whole loads so far. */
    private final AtomicInteger loads = new AtomicInteger();

    EngagedNames(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.oneSnapshot = new TransactionTemplate(transactions);
        oneSnapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        oneSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        oneSnapshot.setReadOnly(true);
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void reload() {
        synchronized (loading) {
            long started = System.nanoTime();
            copy = oneSnapshot.execute(status -> {
                Snapshot snapshot = snapshot();
                Map<String, Builder> builders = new HashMap<>();
                jdbc.query("select id, normalised_name, country from direct_account where engagement_open", rs -> {
                    builders.computeIfAbsent(rs.getString(3), c -> new Builder())
                            .add(rs.getObject(1, UUID.class), rs.getString(2));
                });
                Map<String, CountryIndex> countries = new HashMap<>();
                builders.forEach((country, builder) -> countries.put(country, builder.build()));
                return new Copy(snapshot, countries, Map.of());
            });
            loads.incrementAndGet();
            log.info("Engaged accounts' names loaded: {} names, about {} KiB, in {} ms", copy.size(),
                    copy.approximateBytes() / 1024, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Reads the accounts changed in transactions the copy did not see, and lays them over it. */
    @Override
    public void catchUp() {
        synchronized (loading) {
            Copy before = copy;
            if (before == null) {
                reload();
                return;
            }
            Copy after = oneSnapshot.execute(status -> {
                if (olderThanPruned(before)) {
                    return null;
                }
                Snapshot snapshot = snapshot();
                Map<UUID, Entry> overlay = new HashMap<>(before.overlay());
                jdbc.query("""
                        select c.account_id, a.normalised_name, a.country, coalesce(a.engagement_open, false)
                          from engaged_names_changed_since(cast(? as xid8), cast(? as pg_snapshot)) c(account_id)
                          left join direct_account a on a.id = c.account_id""", rs -> {
                    String name = rs.getString(2);
                    overlay.put(rs.getObject(1, UUID.class), new Entry(name, rs.getString(3), rs.getBoolean(4),
                            name == null ? new long[0] : Trigrams.of(name)));
                }, before.snapshot().xmin(), before.snapshot().text());
                return overlay.size() > MOST_CHANGES ? null : new Copy(snapshot, before.countries(), overlay);
            });
            // null: changes it has not seen were pruned, or too many piled up

            if (after == null) {
                reload();
            } else {
                copy = after;
            }
        }
    }

    /**
     * The accounts that may be a similar name of {@code name} in {@code country} among the engaged ones: every name in
     * the copy whose trigram similarity reaches {@code threshold}, and for a one-word name of
     * {@link TypoMatchPolicy#SHORTEST} letters or more every one-word name sharing a trigram with it within the
     * mistakes {@link JdbcDirectAccounts} looks for; and the snapshot the copy stands for.
     */
    Candidates candidates(String name, String country, double threshold) {
        Copy now = copy;
        if (now == null) {
            reload();
            now = copy;
        }
        Set<UUID> ids = new LinkedHashSet<>();
        long[] trigrams = Trigrams.of(name);
        boolean typos = isTypoCandidate(name);
        CountryIndex index = now.countries().get(country);
        if (index != null && trigrams.length > 0) {
            index.search(trigrams, name, threshold, typos, now.overlay(), ids);
        }
        for (Map.Entry<UUID, Entry> changed : now.overlay().entrySet()) {
            Entry e = changed.getValue();
            if (e.engaged() && country.equals(e.country())
                    && isCandidate(name, trigrams, e.name(), e.trigrams(), threshold, typos)) {
                ids.add(changed.getKey());
            }
        }
        return new Candidates(List.copyOf(ids), now.snapshot());
    }

    int loads() {
        return loads.get();
    }

    private static boolean isTypoCandidate(String name) {
        return name.indexOf(' ') < 0 && name.codePointCount(0, name.length()) >= TypoMatchPolicy.SHORTEST;
    }

    private static boolean isCandidate(String name, long[] trigrams, String other, long[] otherTrigrams,
            double threshold, boolean typos) {
        int shared = Trigrams.shared(trigrams, otherTrigrams);
        if (Trigrams.similarity(shared, trigrams.length, otherTrigrams.length) >= threshold) {
            return true;
        }
        return typos && mayBeTypo(shared, trigrams.length) && withinMistakes(name, other);
    }

    /**
     * The verdict's query wants a word similarity of {@link JdbcDirectAccounts#TYPO_SIMILARITY} or more,
     * which is never more than the share of the customer's trigrams the name holds.
     */
    static boolean mayBeTypo(int shared, int customerTrigrams) {
        return shared > 0 && (double) shared / customerTrigrams >= JdbcDirectAccounts.TYPO_SIMILARITY - 1e-6;
    }

    /**
     * Within the Levenshtein edits the verdict's query allows: 2 when the shorter name has 4 or 5 letters, 4 from 6.
     * The optimal string alignment distance is never more than the Levenshtein distance, so this keeps every name the
     * query would keep (and the query decides).
     */
    static boolean withinMistakes(String name, String other) {
        if (other.indexOf(' ') >= 0) {
            return false;
        }
        int[] a = name.codePoints().toArray();
        int[] b = other.codePoints().toArray();
        int shorter = Math.min(a.length, b.length);
        int bound = shorter >= TypoMatchPolicy.TWO_MISTAKES_FROM ? JdbcDirectAccounts.MAX_EDITS
                : shorter >= TypoMatchPolicy.SHORTEST ? JdbcDirectAccounts.MAX_EDITS / 2 : -1;
        return Math.abs(a.length - b.length) <= bound && TypoMatchPolicy.mistakes(a, b) <= bound;
    }

    /** Changes this copy has not seen may have been pruned (V40): then only a whole load is right. */
    private boolean olderThanPruned(Copy copy) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select coalesce(cast(? as xid8) < pruned_below, false) from engaged_name_change_horizon""",
                Boolean.class, copy.snapshot().xmin()));
    }

    /** The copy's snapshot: pg_current_snapshot() as text, and its xmin (no transaction below it is unseen). */
    private Snapshot snapshot() {
        return jdbc.queryForObject("select pg_current_snapshot()::text, pg_snapshot_xmin(pg_current_snapshot())::text",
                (rs, n) -> new Snapshot(rs.getString(1), rs.getString(2)));
    }

    record Snapshot(String text, String xmin) {
    }

    record Candidates(List<UUID> ids, Snapshot snapshot) {
    }

    /** An account changed since the index was loaded: its name and country now, and whether it is engaged now. */
    private record Entry(String name, String country, boolean engaged, long[] trigrams) {
    }

    private record Copy(Snapshot snapshot, Map<String, CountryIndex> countries, Map<UUID, Entry> overlay) {

        long size() {
            return countries.values().stream().mapToLong(c -> c.ids.length).sum() + overlay.size();
        }

        long approximateBytes() {
            return countries.values().stream().mapToLong(CountryIndex::approximateBytes).sum() + overlay.size() * 400L;
        }
    }

    /**
     * The engaged names of one country, with the names holding each trigram: of every name, and of the one-word names
     * (the only ones a typo can be).
     */
    private static final class CountryIndex {

        /** Counts of shared trigrams per name, reused by the searches of one thread (zeroed after each). */
        private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[0]);

        private final UUID[] ids;
        private final String[] names;
        private final int[] trigramCounts;
        private final TrigramPostings all;
        private final TrigramPostings oneWord;

        CountryIndex(UUID[] ids, String[] names, List<long[]> trigrams) {
            this.ids = ids;
            this.names = names;
            this.trigramCounts = trigrams.stream().mapToInt(t -> t.length).toArray();
            this.all = TrigramPostings.of(trigrams, i -> true);
            this.oneWord = TrigramPostings.of(trigrams, i -> names[i].indexOf(' ') < 0);
        }

        /**
         * The similar names: shared / union is at most the shorter trigram count over the longer, so only names with
         * between {@code threshold} times and 1 / {@code threshold} times the customer's number of trigrams can reach
         * it. The names are kept in ascending order of their number of trigrams, so those are one range of positions.
         * Then, for a typo candidate, every one-word name holding one of its trigrams.
         */
        void search(long[] trigrams, String name, double threshold, boolean typos, Map<UUID, Entry> overlay,
                Set<UUID> out) {
            int[] shared = scratch();
            int n = trigrams.length;
            int from = firstWithAtLeast((int) Math.ceil(threshold * n - 1e-6));
            int to = threshold <= 0 ? names.length : firstWithAtLeast((int) Math.floor(n / threshold + 1e-6) + 1);
            keep(count(all, trigrams, from, to, shared), shared, overlay, out,
                    at -> Trigrams.similarity(shared[at], n, trigramCounts[at]) >= threshold);
            if (typos) {
                keep(count(oneWord, trigrams, 0, names.length, shared), shared, overlay, out,
                        at -> mayBeTypo(shared[at], n) && withinMistakes(name, names[at]));
            }
        }

        /** The touched names that {@code matches} accepts and the overlay does not replace; {@code shared} zeroed. */
        private void keep(int[] touched, int[] shared, Map<UUID, Entry> overlay, Set<UUID> out, IntPredicate matches) {
            try {
                for (int at : touched) {
                    if (matches.test(at) && !overlay.containsKey(ids[at])) {
                        out.add(ids[at]);
                    }
                }
            } finally {
                for (int at : touched) {
                    shared[at] = 0;
                }
            }
        }

        /**
         * The names at positions {@code from} (included) to {@code to} (excluded) holding one of the customer's
         * trigrams, with the shared ones counted in {@code shared}; each trigram's holders are ascending, so only that
         * range of them is read.
         */
        private static int[] count(TrigramPostings postings, long[] trigrams, int from, int to, int[] shared) {
            int[] touched = new int[64];
            int count = 0;
            for (long trigram : trigrams) {
                int[] holders = postings.holders(trigram);
                for (int k = insertionPoint(holders, from), end = insertionPoint(holders, to); k < end; k++) {
                    int holder = holders[k];
                    if (shared[holder]++ == 0) {
                        if (count == touched.length) {
                            touched = Arrays.copyOf(touched, count * 2);
                        }
                        touched[count++] = holder;
                    }
                }
            }
            return Arrays.copyOf(touched, count);
        }

        /** The first position whose name has {@code trigramCount} trigrams or more (the names' length if none). */
        private int firstWithAtLeast(int trigramCount) {
            int low = 0;
            int high = trigramCounts.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (trigramCounts[middle] < trigramCount) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        /** Where {@code position} is or would be in the ascending {@code holders}. */
        private static int insertionPoint(int[] holders, int position) {
            int at = Arrays.binarySearch(holders, position);
            return at >= 0 ? at : -at - 1;
        }

        private int[] scratch() {
            int[] shared = SCRATCH.get();
            if (shared.length < names.length) {
                shared = new int[names.length];
                SCRATCH.set(shared);
            }
            return shared;
        }

        long approximateBytes() {
            long bytes = ids.length * (16L + 32) + trigramCounts.length * 4L;
            for (String n : names) {
                bytes += 8 + 40 + n.length();
            }
            return bytes + all.approximateBytes() + oneWord.approximateBytes();
        }
    }

    private static final class Builder {

        private final List<UUID> ids = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<long[]> trigrams = new ArrayList<>();

        void add(UUID id, String name) {
            ids.add(id);
            names.add(name);
            trigrams.add(Trigrams.of(name));
        }

        /** The names in ascending order of their number of trigrams (see {@link CountryIndex#similar}). */
        CountryIndex build() {
            Integer[] order = new Integer[ids.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(trigrams.get(a).length, trigrams.get(b).length));
            UUID[] sortedIds = new UUID[order.length];
            String[] sortedNames = new String[order.length];
            List<long[]> sortedTrigrams = new ArrayList<>(order.length);
            for (int i = 0; i < order.length; i++) {
                sortedIds[i] = ids.get(order[i]);
                sortedNames[i] = names.get(order[i]);
                sortedTrigrams.add(trigrams.get(order[i]));
            }
            return new CountryIndex(sortedIds, sortedNames, sortedTrigrams);
        }
    }
}
