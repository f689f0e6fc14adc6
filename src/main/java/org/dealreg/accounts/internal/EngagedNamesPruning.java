package org.dealreg.accounts.internal;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the log of engaged-name changes (V36) from growing forever: every hour, one node deletes the changes older
 * than the snapshot it noted at least {@link #KEEP} before (V40, {@code prune_engaged_name_changes}). Every node's
 * copy catches up within moments of a change, so none needs a change that old; one that would (its snapshot below
 * what was pruned) reloads whole instead ({@link EngagedNames#catchUp()}).
 */
@Component
class EngagedNamesPruning {

    private static final Logger log = LoggerFactory.getLogger(EngagedNamesPruning.class);
    static final Duration KEEP = Duration.ofDays(1);

    private final JdbcTemplate jdbc;

    EngagedNamesPruning(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(cron = "${dealreg.jobs.engaged-names-pruning-cron:0 17 * * * *}")
    @SchedulerLock(name = "engaged-names-pruning", lockAtMostFor = "PT10M")
    void scheduled() {
        long deleted = prune(KEEP);
        if (deleted > 0) {
            log.info("Engaged-name changes older than a day deleted: {}", deleted);
        }
    }

    /** One run: deletes the changes below the snapshot noted at a run at least {@code keep} ago; how many. */
    long prune(Duration keep) {
        return jdbc.queryForObject("select prune_engaged_name_changes(cast(? as interval))", Long.class,
                keep.toSeconds() + " seconds");
    }
}
