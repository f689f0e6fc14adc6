package org.dealreg.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One row of the trail. Its hash is SHA-256 over a canonical line of every field and the previous row's hash;
 * fields are separated by a character that cannot occur in them once escaped, so no two rows share a line.
 */
public record AuditEntry(long seq, Instant at, UUID actorId, String actorLabel, String action, String subjectType,
        String subjectId, String details, String prevHash, String hash) {

    /** The hash the first row chains to. */
    static final String GENESIS = "0".repeat(64);

    static AuditEntry next(long seq, Instant at, UUID actorId, String actorLabel, String action, String subjectType,
            String subjectId, String details, String prevHash) {
        Instant micros = at.truncatedTo(ChronoUnit.MICROS);
        AuditEntry unsigned = new AuditEntry(seq, micros, actorId, nz(actorLabel), action, nz(subjectType),
                nz(subjectId), nz(details), prevHash, null);
        return new AuditEntry(seq, micros, actorId, unsigned.actorLabel, action, unsigned.subjectType,
                unsigned.subjectId, unsigned.details, prevHash, unsigned.computeHash());
    }

    /** What the hash should be for these fields; differs from {@link #hash} when a row was altered. */
    String computeHash() {
        String line = String.join("\u001f", String.valueOf(seq), at.toString(),
                actorId == null ? "" : actorId.toString(), escape(actorLabel), action, escape(subjectType),
                escape(subjectId), escape(details), prevHash);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(line.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public boolean byProgramme() {
        return actorId == null && actorLabel.isEmpty();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\u001f", "\\u001f");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
