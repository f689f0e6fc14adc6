-- accounts: the log of engaged-name changes (V36) is pruned, in two steps a day apart (EngagedNamesPruning,
-- docs/conflict-check.md). Each run deletes the changes older than the xmin it noted at the run a day before, and
-- notes the current one. Every node's copy catches up within moments of each change (NOTIFY), so no copy needs a
-- change a day old; a copy that does (its snapshot below pruned_below) reloads whole at its next catch-up.
create table engaged_name_change_horizon (
    one          boolean primary key default true check (one),
    candidate    xid8,
    candidate_at timestamptz,
    pruned_below xid8
);
insert into engaged_name_change_horizon (one) values (true);

create function prune_engaged_name_changes(keep interval) returns bigint language plpgsql volatile as $$
declare
    h engaged_name_change_horizon;
    deleted bigint := 0;
begin
    select * into h from engaged_name_change_horizon for update;
    if h.candidate is not null and h.candidate_at > now() - keep then
        return 0;
    end if;
    if h.candidate is not null then
        delete from engaged_name_change where xid < h.candidate;
        get diagnostics deleted = row_count;
    end if;
    update engaged_name_change_horizon
       set pruned_below = coalesce(h.candidate, pruned_below),
           candidate = pg_snapshot_xmin(pg_current_snapshot()), candidate_at = now();
    return deleted;
end
$$;
