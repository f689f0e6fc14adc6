-- accounts: the accounts changed in transactions a node's copy of the engaged names does not see (V36), for the
-- verdict's query. Written inline there, a comparison of xid with a parameter was estimated, under the check's
-- generic plans, as a third of the log: after a bulk load (100,000 changes) the query joined the accounts by a
-- parallel scan of all of them. As a function it counts on a few rows (ROWS 10), and its own plan (cached for the
-- session) bounds xid on both sides, which a generic plan estimates as a narrow range, so it reads the xid index.
-- The upper bound changes nothing: a transaction at or past the snapshot's xmax is not visible to the caller, except
-- the caller's own (xmax is the latest completed transaction plus one: the caller's own may be past it, and its
-- changes are visible to it), hence the greater of the two.
-- Stable: it reads with the calling statement's snapshot.
create function engaged_names_changed_since(copy_xmin xid8, copy_snapshot pg_snapshot) returns setof uuid
    language plpgsql stable rows 10 as $$
begin
    return query
        select distinct c.account_id
          from engaged_name_change c
         where c.xid >= copy_xmin
           and c.xid < greatest(pg_snapshot_xmax(pg_current_snapshot()),
                                (coalesce(pg_current_xact_id_if_assigned()::text, '0')::bigint + 1)::text::xid8)
           and not pg_visible_in_snapshot(c.xid, copy_snapshot);
end
$$;
