package org.dealreg.registration.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.dealreg.crypto.BlindIndex;
import org.dealreg.crypto.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The blind index of a registration's contact e-mail: an HMAC of the address in lower case, so that a personal-data
 * request finds every registration holding an address however it was typed, without decrypting any
 * (docs/receipts.md). Registrations submitted before the index existed are indexed once at start-up.
 */
@Component
class ContactEmails {

    private static final Logger log = LoggerFactory.getLogger(ContactEmails.class);
    private static final String PURPOSE = "contact-email";
    private static final int BATCH = 200;

    private final BlindIndex blindIndex;
    private final FieldCipher cipher;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Executor background;

    ContactEmails(BlindIndex blindIndex, FieldCipher cipher, JdbcTemplate jdbc, TransactionTemplate transactions,
            @Qualifier("applicationTaskExecutor") Executor background) {
        this.blindIndex = blindIndex;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.background = background;
    }

    /** The index of an address as typed (case and surrounding blanks do not count). */
    String index(String email) {
        return blindIndex.of(PURPOSE, email.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Indexes the contacts of registrations submitted before V88, a batch per transaction, off the start-up's path: the
     * portal serves while it runs (a search of personal data finds what is indexed so far), and a failure is logged
     * and tried again at the next start instead of stopping the portal. Rows another node is indexing are skipped;
     * each node stops when it finds none left, which a partial index answers at once (V88).
     * <p>
     * This is the one statement outside the aggregate that writes {@code registration}: a one-off fill of a derived
     * column (the blind index of what the row already holds), which changes no state, no version and no history, like
     * the fill of a new column by a migration, which cannot do it here since the key is not the database's.
     */
    @EventListener(ApplicationReadyEvent.class)
    void indexThoseSubmittedBeforeInTheBackground() {
        background.execute(() -> {
            try {
                indexThoseSubmittedBefore();
            } catch (RuntimeException e) {
                log.warn("The contact e-mails of registrations submitted before their index existed were not all "
                        + "indexed; the next start tries again", e);
            }
        });
    }

    void indexThoseSubmittedBefore() {
        int total = 0;
        int done;
        do {
            done = transactions.execute(status -> {
                List<Object[]> rows = jdbc.query("""
                        select id, contact_email from registration
                         where contact_email is not null and contact_email_index is null
                         limit ? for no key update skip locked""",
                        (rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)}, BATCH);
                jdbc.batchUpdate("update registration set contact_email_index = ? where id = ?",
                        rows.stream().map(row -> new Object[] {index(cipher.decrypt((String) row[1])), row[0]}).toList());
                return rows.size();
            });
            total += done;
        } while (done == BATCH);
        if (total > 0) {
            log.info("Indexed the contact e-mail of {} registrations submitted before the index existed", total);
        }
    }
}
