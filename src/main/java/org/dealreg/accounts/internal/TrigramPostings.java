package org.dealreg.accounts.internal;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * For each trigram ({@link Trigrams}), the positions of the names holding it, ascending: an open-addressing table of
 * primitive keys, so that a look-up allocates nothing and packed trigrams (whose {@code Long.hashCode} collide a lot)
 * spread evenly.
 */
final class TrigramPostings {

    private static final int[] NONE = new int[0];

    private final long[] keys;
    private final int[][] holders;
    private final int mask;

    private TrigramPostings(long[] keys, int[][] holders) {
        this.keys = keys;
        this.holders = holders;
        this.mask = keys.length - 1;
    }

    /** The postings of the names at the positions {@code include} accepts ({@code trigrams.get(i)}: name i's). */
    static TrigramPostings of(List<long[]> trigrams, IntPredicate include) {
        // first pass: the distinct trigrams and how many names hold each
        Table table = new Table();
        for (int i = 0; i < trigrams.size(); i++) {
            if (include.test(i)) {
                for (long trigram : trigrams.get(i)) {
                    table.count(trigram);
                }
            }
        }
        int[][] holders = new int[table.keys.length][];
        for (int slot = 0; slot < holders.length; slot++) {
            if (table.keys[slot] != 0) {
                holders[slot] = new int[table.counts[slot]];
            }
        }
        // second pass: the positions, in ascending order
        int[] filled = new int[holders.length];
        for (int i = 0; i < trigrams.size(); i++) {
            if (include.test(i)) {
                for (long trigram : trigrams.get(i)) {
                    int slot = table.slot(trigram);
                    holders[slot][filled[slot]++] = i;
                }
            }
        }
        return new TrigramPostings(table.keys, holders);
    }

    /** The positions of the names holding {@code trigram}, ascending; empty when none does. */
    int[] holders(long trigram) {
        int slot = mix(trigram) & mask;
        while (keys[slot] != 0) {
            if (keys[slot] == trigram) {
                return holders[slot];
            }
            slot = (slot + 1) & mask;
        }
        return NONE;
    }

    long approximateBytes() {
        long bytes = keys.length * 8L + holders.length * 8L;
        for (int[] h : holders) {
            if (h != null) {
                bytes += 16 + h.length * 4L;
            }
        }
        return bytes;
    }

    private static int mix(long key) {
        key ^= key >>> 33;
        key *= 0xff51afd7ed558ccdL;
        key ^= key >>> 33;
        key *= 0xc4ceb9fe1a85ec53L;
        key ^= key >>> 33;
        return (int) key;
    }

    /** Trigram to count, growing at half full. A packed trigram is never 0 (it holds at least one letter). */
    private static final class Table {

        long[] keys = new long[1024];
        int[] counts = new int[1024];
        int size;

        void count(long key) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int slot = mix(key) & (keys.length - 1);
            while (keys[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & (keys.length - 1);
            }
            if (keys[slot] == 0) {
                keys[slot] = key;
                size++;
            }
            counts[slot]++;
        }

        int slot(long key) {
            int slot = mix(key) & (keys.length - 1);
            while (keys[slot] != key) {
                slot = (slot + 1) & (keys.length - 1);
            }
            return slot;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldCounts = counts;
            keys = new long[oldKeys.length * 2];
            counts = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int slot = mix(oldKeys[i]) & (keys.length - 1);
                    while (keys[slot] != 0) {
                        slot = (slot + 1) & (keys.length - 1);
                    }
                    keys[slot] = oldKeys[i];
                    counts[slot] = oldCounts[i];
                }
            }
        }
    }
}
