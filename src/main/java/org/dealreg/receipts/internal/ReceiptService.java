package org.dealreg.receipts.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.dealreg.audit.SubmissionSeals;
import org.dealreg.crypto.BlindIndex;
import org.dealreg.registration.Receipts;
import org.dealreg.shared.PortalAddress;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a registration's receipt once its submission is sealed in the audit chain, remembering the SHA-256 of each
 * file it hands out; checks a receipt (a file, a code, or both) against the chain (docs/receipts.md).
 */
@Service
class ReceiptService {

    private final Receipts receipts;
    private final SubmissionSeals seals;
    private final BlindIndex hmac;
    private final ReceiptPdf pdf;
    private final PortalAddress portal;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReceiptService(Receipts receipts, SubmissionSeals seals, BlindIndex hmac, ReceiptPdf pdf, PortalAddress portal,
            JdbcTemplate jdbc, Clock clock) {
        this.receipts = receipts;
        this.seals = seals;
        this.hmac = hmac;
        this.pdf = pdf;
        this.portal = portal;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The receipt's file, or empty while the submission waits to be sealed (a fraction of a second, normally). */
    @Transactional
    public Optional<byte[]> file(Receipts.Receipt receipt, Locale locale, ZoneId zone) {
        Optional<SubmissionSeals.Seal> seal = seals.of(receipt.registrationId()).filter(SubmissionSeals.Seal::sealed);
        if (seal.isEmpty()) {
            return Optional.empty();
        }
        ReceiptCode code = new ReceiptCode(receipt.number(), receipt.submittedAt(), seal.get().hash(),
                receipt.customerName());
        byte[] file = pdf.render(new ReceiptPdf.Page(code, code.text(hmac), seal.get().position(),
                portal.link("/receipts/check")), locale, zone);
        jdbc.update("insert into receipt_file (sha256, registration_id, issued_at) values (?, ?, ?) "
                + "on conflict do nothing", sha256(file), receipt.registrationId(), Timestamp.from(clock.instant()));
        return Optional.of(file);
    }

    /** A true receipt's answer: what the holder gave, and the chain position that vouches for it. */
    public record Valid(String number, Instant submittedAt, long position) {
    }

    /**
     * The answer to a receipt: valid only when every part given is (a file the portal handed out, byte for byte, and
     * whose code is valid; a code the portal made whose submission the chain holds, intact); empty otherwise.
     */
    @Transactional(readOnly = true)
    public Optional<Valid> check(byte[] file, String code) {
        boolean fileGiven = file != null && file.length > 0;
        boolean codeGiven = code != null && !code.isBlank();
        if (!fileGiven && !codeGiven) {
            return Optional.empty();
        }
        Optional<Valid> fromFile = Optional.empty();
        if (fileGiven) {
            if (!issued(file)) {
                return Optional.empty();
            }
            fromFile = ReceiptPdf.codeIn(file).flatMap(this::check);
            if (fromFile.isEmpty()) {
                return Optional.empty();
            }
        }
        if (!codeGiven) {
            return fromFile;
        }
        Optional<Valid> fromCode = check(code);
        return fromFile.isEmpty() || fromFile.equals(fromCode) ? fromCode : Optional.empty();
    }

    private Optional<Valid> check(String code) {
        return ReceiptCode.read(code, hmac).flatMap(receipt -> receipts.registration(receipt.number())
                .flatMap(id -> {
                    OptionalLong position = seals.check(id, receipt.chainHash(), receipt.number(),
                            receipt.submittedAt());
                    return position.isPresent()
                            ? Optional.of(new Valid(receipt.number(), receipt.submittedAt(), position.getAsLong()))
                            : Optional.empty();
                }));
    }

    private boolean issued(byte[] file) {
        return !jdbc.queryForList("select 1 from receipt_file where sha256 = ?", Integer.class, sha256(file)).isEmpty();
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
