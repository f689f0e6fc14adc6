package org.dealreg.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's notifications in the portal: every query names the user. */
@Service
class Inbox {

    private final JdbcTemplate jdbc;

    Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One notification as the list shows it. */
    public record Line(UUID id, Instant at, String subject, String body, String link, boolean unread) {
    }

    @Transactional(readOnly = true)
    public List<Line> latest(UUID user) {
        return jdbc.query("select id, created_at, subject, body, link, read_at is null as unread from notification "
                + "where user_id = ? order by created_at desc, id limit 100", (rs, n) -> new Line(
                rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant(), rs.getString("subject"),
                rs.getString("body"), rs.getString("link"), rs.getBoolean("unread")), user);
    }

    @Transactional(readOnly = true)
    public long unread(UUID user) {
        return jdbc.queryForObject("select count(*) from notification where user_id = ? and read_at is null",
                Long.class, user);
    }

    @Transactional
    public void markAllRead(UUID user) {
        jdbc.update("update notification set read_at = now() where user_id = ? and read_at is null", user);
    }
}
