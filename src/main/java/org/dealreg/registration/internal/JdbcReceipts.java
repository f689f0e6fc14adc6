package org.dealreg.registration.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dealreg.crypto.FieldCipher;
import org.dealreg.registration.Receipts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcReceipts implements Receipts {

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;

    JdbcReceipts(JdbcTemplate jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> of(Collection<UUID> registrationIds) {
        if (registrationIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> receipts = new HashMap<>();
        jdbc.query("select id, receipt_number from registration where id = any(?)",
                rs -> { receipts.put(rs.getObject(1, UUID.class), rs.getString(2)); },
                (Object) registrationIds.toArray(UUID[]::new));
        return receipts;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> registration(String receiptNumber) {
        return jdbc.queryForList("select id from registration where receipt_number = ?", UUID.class,
                receiptNumber.strip().toUpperCase(java.util.Locale.ROOT)).stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Receipt> forPartner(UUID registrationId, UUID partnerId) {
        return receipt("id = ? and partner_id = ?", registrationId, partnerId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Receipt> forStaff(UUID registrationId) {
        return receipt("id = ?", registrationId);
    }

    /** One row, its customer decrypted. */
    private Optional<Receipt> receipt(String where, Object... args) {
        return jdbc.query("select id, receipt_number, customer_name, submitted_at from registration where " + where,
                (rs, n) -> new Receipt(rs.getObject(1, UUID.class), rs.getString(2), cipher.decrypt(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()), args).stream().findFirst();
    }
}
