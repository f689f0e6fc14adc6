package org.dealreg.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One row of the trail. {@code seq} numbers the row when it is written; {@code sealSeq}, {@code prevHash} and
 * {@code hash} are null until the sealer chains it. Its hash is SHA-256 over a canonical line of its chain position,
 * every recorded field and the previous sealed row's hash; fields are separated by a character that cannot occur in
 * them once escaped, so no two rows share a line.
 */
public record AuditEntry(long seq, Instant at, UUID actorId, String actorLabel, String action, String subjectType,
        String subjectId, String details, Long sealSeq, String prevHash, String hash) {

    /** The hash the first sealed row chains to. */
    static final String GENESIS = "0".repeat(64);

    public boolean sealed() {
        return hash != null;
    }

    /** This row sealed at chain position {@code sealSeq}, after the row whose hash is {@code prevHash}. */
    AuditEntry sealedAs(long sealSeq, String prevHash) {
        AuditEntry unsigned = new AuditEntry(seq, at, actorId, actorLabel, action, subjectType, subjectId, details,
                sealSeq, prevHash, null);
        return new AuditEntry(seq, at, actorId, actorLabel, action, subjectType, subjectId, details, sealSeq, prevHash,
                unsigned.computeHash());
    }

    /**
     * What the hash should be for these fields; differs from {@link #hash} when a row was altered. The line starts
     * with the chain position: rows chained before the sealer existed had their position in that place too.
     */
    String computeHash() {
        String line = String.join("\u001f", String.valueOf(sealSeq), at.toString(),
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
}
