package org.dealreg.registration.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dealreg.registration.Receipts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcReceipts implements Receipts {

    private final JdbcTemplate jdbc;

    JdbcReceipts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
}
