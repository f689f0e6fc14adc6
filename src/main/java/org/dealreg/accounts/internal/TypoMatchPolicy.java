package org.dealreg.accounts.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Whether a customer's name is an account's name typed with a mistake or two (docs/conflict-check.md). Both names are
 * normalised and one word each ("Globex Corporation" is "globex"). The customer's must be within one typing mistake
 * of the account's when the shorter of the two has 4 or 5 letters, two when it has 6 or more. A mistake is a letter
 * missing, added or replaced, or two neighbours swapped. Shorter names are not compared: "ibm" and "ibn" tell nothing.
 *
 * <p>So "globx" is "globex" mistyped and "kontosso" is "contoso" twice mistyped, while "maple" is not "marble". Names
 * of several words are left to trigram similarity, which their other words carry: "acme energy" and "apex energy",
 * two companies sharing a word, are not typos of each other.
 */
final class TypoMatchPolicy {

    static final int SHORTEST = 4;
    static final int TWO_MISTAKES_FROM = 6;

    private TypoMatchPolicy() {
    }

    /**
     * The score of a typo match: one minus the mistakes per letter of the longer name ("globx" for "globex": 0.833);
     * empty when the customer's name is not the account's name mistyped.
     */
    static Optional<BigDecimal> score(String accountName, String customerName) {
        if (accountName.equals(customerName) || accountName.contains(" ") || customerName.contains(" ")) {
            return Optional.empty();
        }
        int[] account = accountName.codePoints().toArray();
        int[] customer = customerName.codePoints().toArray();
        int shorter = Math.min(account.length, customer.length);
        if (shorter < SHORTEST) {
            return Optional.empty();
        }
        int allowed = shorter >= TWO_MISTAKES_FROM ? 2 : 1;
        int mistakes = mistakes(account, customer);
        if (mistakes > allowed) {
            return Optional.empty();
        }
        int longer = Math.max(account.length, customer.length);
        return Optional.of(BigDecimal.ONE.subtract(
                BigDecimal.valueOf(mistakes).divide(BigDecimal.valueOf(longer), 3, RoundingMode.HALF_UP)));
    }

    /** Letters missing, added or replaced, or neighbours swapped (optimal string alignment distance). */
    static int mistakes(int[] a, int[] b) {
        int[][] d = new int[a.length + 1][b.length + 1];
        for (int i = 0; i <= a.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                int replace = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + replace);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length][b.length];
    }
}
