package org.dealreg.conflicts;

import java.time.Instant;

/**
 * What a submission's check decided, the customer's blind indexes the registration keeps, and the
 * database time at which the claim was made — read after the customer's lock was granted, so that of
 * two submissions of one customer the one stamped earlier is the one that was first.
 */
public record CheckOutcome(Verdict verdict, CustomerFingerprint fingerprint, Instant claimedAt) {
}
