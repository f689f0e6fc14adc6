-- accounts: whether an account has an engagement that has not ended. Only those accounts can be engaged
-- at a submission, so the similar-name search that decides a verdict reads their own (much smaller)
-- trigram index. The database keeps the flag itself, for every way an engagement is written (the rep's
-- page, imports, bulk loads), one statement at a time.
alter table direct_account add column engagement_open boolean not null default false;

update direct_account a set engagement_open = true
 where exists (select 1 from engagement e where e.account_id = a.id and e.ended_on is null);

create function direct_account_engagement_open() returns trigger language plpgsql as $$
begin
    update direct_account a
       set engagement_open = exists (select 1 from engagement e where e.account_id = a.id and e.ended_on is null)
     where a.id in (select account_id from changed);
    return null;
end
$$;

create trigger engagement_inserted after insert on engagement referencing new table as changed
    for each statement execute function direct_account_engagement_open();
create trigger engagement_updated after update on engagement referencing new table as changed
    for each statement execute function direct_account_engagement_open();
create trigger engagement_deleted after delete on engagement referencing old table as changed
    for each statement execute function direct_account_engagement_open();

create index direct_account_engaged_name_trgm_idx on direct_account using gin (normalised_name gin_trgm_ops)
    where engagement_open;

-- conflicts: the customer's advisory locks, taken in the order given (the caller sorts the keys, so two
-- checks never deadlock), and the time after the last one, in one round trip
create function conflict_lock(keys text[]) returns timestamptz language plpgsql volatile as $$
declare
    k text;
begin
    foreach k in array keys loop
        perform pg_advisory_xact_lock(hashtextextended(k, 0));
    end loop;
    return clock_timestamp();
end
$$;

-- conflicts: similar names of accounts not in contact are listed in the report right after the
-- submission commits; null until then (or when that failed, and the report says so)
alter table conflict_report add column similar_names_listed_at timestamptz;
update conflict_report set similar_names_listed_at = checked_at;
