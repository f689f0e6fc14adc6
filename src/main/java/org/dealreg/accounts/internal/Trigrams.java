package org.dealreg.accounts.internal;

import java.util.Arrays;

/**
 * The trigrams of a name as {@code pg_trgm} extracts them, and their similarity as its {@code similarity()} computes
 * it, so that a copy of the names in memory finds the same similar names as the database would. A word is a run of
 * letters and digits (anything else separates words), lower-cased, padded with two spaces in front and one behind;
 * its trigrams are every three consecutive characters ("ab": "  a", " ab", "ab "). A name's trigrams are the distinct
 * ones of all its words; the similarity of two names is the number of trigrams they share over the number of distinct
 * trigrams of both (a {@code float}, compared as {@code pg_trgm} compares it with its threshold).
 * {@code TrigramsTest} checks both against PostgreSQL's {@code similarity()}.
 */
final class Trigrams {

    private static final int BITS = 21;

    private Trigrams() {
    }

    /** The distinct trigrams of {@code name}, each packed in a long (three code points), in ascending order. */
    static long[] of(String name) {
        int[] cps = name.codePoints().toArray();
        long[] out = new long[cps.length * 2 + 4];
        int n = 0;
        int i = 0;
        while (i < cps.length) {
            while (i < cps.length && !isWordCharacter(cps[i])) {
                i++;
            }
            int start = i;
            while (i < cps.length && isWordCharacter(cps[i])) {
                i++;
            }
            if (i > start) {
                // "  " + word + " ": one trigram per letter and one more
                int a = ' ';
                int b = ' ';
                for (int k = start; k <= i; k++) {
                    int c = k < i ? Character.toLowerCase(cps[k]) : ' ';
                    if (n == out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[n++] = pack(a, b, c);
                    a = b;
                    b = c;
                }
            }
        }
        long[] all = Arrays.copyOf(out, n);
        Arrays.sort(all);
        int distinct = 0;
        for (int k = 0; k < all.length; k++) {
            if (k == 0 || all[k] != all[k - 1]) {
                all[distinct++] = all[k];
            }
        }
        return Arrays.copyOf(all, distinct);
    }

    /** Shared trigrams over distinct trigrams of both; 0 when either has none (as {@code pg_trgm}). */
    static float similarity(long[] a, long[] b) {
        return similarity(shared(a, b), a.length, b.length);
    }

    static float similarity(int shared, int lengthA, int lengthB) {
        if (lengthA <= 0 || lengthB <= 0) {
            return 0f;
        }
        return shared / (float) (lengthA + lengthB - shared);
    }

    /** How many trigrams two sorted arrays of distinct trigrams have in common. */
    static int shared(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int count = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                count++;
                i++;
                j++;
            }
        }
        return count;
    }

    private static boolean isWordCharacter(int codePoint) {
        return Character.isLetterOrDigit(codePoint);
    }

    private static long pack(int a, int b, int c) {
        return ((long) a << (2 * BITS)) | ((long) b << BITS) | c;
    }
}
