-- program: how a change is announced to every node's in-memory copies (ProgrammeChange): a NOTIFY on the one
-- channel every node listens on, the topic as its payload. Java and triggers announce through this function alike.
create function programme_change_announce(topic text) returns void language sql volatile as $$
    select pg_notify('dealreg_settings', topic)
$$;

-- accounts: every node keeps the names of the accounts with an open engagement in memory and finds the similar
-- names and typo candidates that decide a verdict there (docs/conflict-check.md). A copy is loaded in one snapshot
-- and remembers it; a check also reads the accounts whose name, country or open engagement changed in a transaction
-- that snapshot does not see. Visibility, not a sequence number: a transaction that took a smaller number and
-- committed later is still "not seen" by the copy, and so still read by the check.
create table engaged_name_change (
    account_id uuid not null,
    xid xid8 not null default pg_current_xact_id()
);
create index engaged_name_change_xid_idx on engaged_name_change (xid);

create function engaged_name_changed() returns trigger language plpgsql as $$
begin
    insert into engaged_name_change (account_id) values (coalesce(new.id, old.id));
    -- every node catches up once this transaction commits (PostgreSQL folds a transaction's identical notifications)
    perform programme_change_announce('engaged-names');
    return null;
end
$$;

create trigger engaged_name_inserted after insert on direct_account
    for each row when (new.engagement_open) execute function engaged_name_changed();
create trigger engaged_name_updated after update of engagement_open, normalised_name, country on direct_account
    for each row when ((old.engagement_open or new.engagement_open)
                       and (old.engagement_open is distinct from new.engagement_open
                            or old.normalised_name is distinct from new.normalised_name
                            or old.country is distinct from new.country))
    execute function engaged_name_changed();
create trigger engaged_name_deleted after delete on direct_account
    for each row when (old.engagement_open) execute function engaged_name_changed();
