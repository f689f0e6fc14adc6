package org.dealreg.registration.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.dealreg.registration.ChangeMark;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The one way registrations are read by change (the partners' API and the CRM's feed): changed at or after
 * {@code since}, after a page's {@link ChangeMark}, oldest change first, one row more than the page to know whether
 * another follows.
 */
final class ByChange {

    private ByChange() {
    }

    /** {@code select} ends with a where clause ("… where true" when it has no condition of its own). */
    static <T> List<T> read(JdbcTemplate jdbc, String select, List<Object> args, Instant since, ChangeMark after,
            int limit, RowMapper<T> rows) {
        StringBuilder sql = new StringBuilder(select);
        List<Object> all = new ArrayList<>(args);
        if (since != null) {
            sql.append(" and changed_at >= ?");
            all.add(Timestamp.from(since));
        }
        if (after != null) {
            sql.append(" and (changed_at, id) > (?, ?)");
            all.add(Timestamp.from(after.changedAt()));
            all.add(after.id());
        }
        sql.append(" order by changed_at, id limit ?");
        all.add(limit + 1);
        return jdbc.query(sql.toString(), rows, all.toArray());
    }

    /** The rows of the page (at most {@code limit}). */
    static <T> List<T> page(List<T> read, int limit) {
        return List.copyOf(read.subList(0, Math.min(limit, read.size())));
    }

    /** Where the next page starts: after the page's last row; null when the read found no more. */
    static <T> ChangeMark next(List<T> read, int limit, Function<T, ChangeMark> mark) {
        return read.size() > limit ? mark.apply(read.get(limit - 1)) : null;
    }
}
