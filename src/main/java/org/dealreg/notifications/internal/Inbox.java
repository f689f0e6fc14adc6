package org.dealreg.notifications.internal;

import java.time.Instant;
import java.util.UUID;

import org.dealreg.shared.Paging;
import org.springframework.data.domain.Page;
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

    /** Notifications a page, for every role: each one carries a paragraph. */
    static final int PAGE_SIZE = 20;

    /** One page of the user's notifications, newest first (the id settles a tie). */
    @Transactional(readOnly = true)
    public Page<Line> page(UUID user, int page) {
        return Paging.page(page, PAGE_SIZE,
                () -> jdbc.queryForObject("select count(*) from notification where user_id = ?", Long.class, user),
                (offset, limit) -> jdbc.query("""
                        select id, created_at, subject, body, link, read_at is null as unread from notification
                         where user_id = ? order by created_at desc, id limit ? offset ?""", (rs, n) -> new Line(
                        rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("subject"), rs.getString("body"), rs.getString("link"), rs.getBoolean("unread")),
                        user, limit, offset));
    }

    /** The menu writes "99+" above this: counting further would cost every page of a busy user for nothing. */
    static final int UNREAD_SHOWN_UP_TO = 99;

    /** The user's unread notifications, counted up to {@link #UNREAD_SHOWN_UP_TO} + 1. */
    @Transactional(readOnly = true)
    public long unread(UUID user) {
        return jdbc.queryForObject("select count(*) from (select 1 from notification where user_id = ? "
                + "and read_at is null limit ?) u", Long.class, user, UNREAD_SHOWN_UP_TO + 1);
    }

    @Transactional
    public void markAllRead(UUID user) {
        jdbc.update("update notification set read_at = now() where user_id = ? and read_at is null", user);
    }
}
