package org.dealreg.conflicts;

/** What a submission's check decided, and the customer's blind indexes the registration keeps. */
public record CheckOutcome(Verdict verdict, CustomerFingerprint fingerprint) {
}
