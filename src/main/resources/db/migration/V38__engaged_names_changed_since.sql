-- accounts: the accounts changed in transactions a node's copy of the engaged names does not see (V36). A query that
-- compares xid with a parameter is planned, under the check's generic plans, as if a third of the log matched: with
-- a log of 100,000 changes (a bulk load) the verdict's query then joined the accounts by a parallel scan of all of them.
-- Here the statement is planned for the values given (EXECUTE … USING: an index range scan, usually empty) and the
-- caller's plan counts on a few rows. Stable: it reads with the calling statement's snapshot.
create function engaged_names_changed_since(copy_xmin xid8, copy_snapshot pg_snapshot) returns setof uuid
    language plpgsql stable rows 10 as $$
begin
    return query execute
        'select distinct account_id from engaged_name_change where xid >= $1 and not pg_visible_in_snapshot(xid, $2)'
        using copy_xmin, copy_snapshot;
end
$$;
