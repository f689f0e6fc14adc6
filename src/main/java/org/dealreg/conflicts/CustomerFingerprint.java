package org.dealreg.conflicts;

/**
 * Blind indexes of a customer: its domain (null when none is known) and its normalised name with its
 * country. Equal customers have equal fingerprints; the fingerprint reveals neither.
 */
public record CustomerFingerprint(String domainIndex, String nameIndex) {
}
