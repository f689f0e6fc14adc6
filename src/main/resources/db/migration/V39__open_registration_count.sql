-- registration: each partner's open registrations (submitted or approved) counted as they change, so the cap's check
-- and the pages that show "open registrations" read a few rows instead of counting every open registration
-- (issue 12; docs/submission.md). A registration counts in one of sixteen slots of its partner, the one its id hashes
-- to: two submissions of one partner at once update different rows (one time in sixteen the same), so they do not wait
-- for each other's commit. The count is the slots' sum; the rows change in the transaction that changes the
-- registration, so the sum equals count(*) in every snapshot.
create table registration_open_count (
    partner_id uuid     not null,
    slot       smallint not null,
    open       integer  not null check (open >= 0),
    primary key (partner_id, slot)
);

create function registration_open_slot(p_registration uuid) returns smallint
language sql immutable parallel safe as $$ select (hashtext(p_registration::text) & 15)::smallint $$;

insert into registration_open_count (partner_id, slot, open)
select partner_id, registration_open_slot(id), count(*)
  from registration where status in ('SUBMITTED', 'APPROVED')
 group by 1, 2;

-- every way a registration is written: the aggregate, the deadline and protection jobs, retention, the demo
create function registration_open_count_change() returns trigger
language plpgsql as $$
declare
    was_open boolean := tg_op in ('UPDATE', 'DELETE') and old.status in ('SUBMITTED', 'APPROVED');
    is_open  boolean := tg_op in ('UPDATE', 'INSERT') and new.status in ('SUBMITTED', 'APPROVED');
begin
    if was_open and (not is_open or old.partner_id <> new.partner_id) then
        update registration_open_count set open = open - 1
         where partner_id = old.partner_id and slot = registration_open_slot(old.id);
    end if;
    if is_open and (not was_open or old.partner_id <> new.partner_id) then
        insert into registration_open_count as c (partner_id, slot, open)
             values (new.partner_id, registration_open_slot(new.id), 1)
        on conflict (partner_id, slot) do update set open = c.open + 1;
    end if;
    return null;
end
$$;

create trigger registration_open_count_insert after insert on registration
    for each row execute function registration_open_count_change();
create trigger registration_open_count_update after update of status, partner_id on registration
    for each row execute function registration_open_count_change();
create trigger registration_open_count_delete after delete on registration
    for each row execute function registration_open_count_change();
