-- registration: what the dashboards (issue 14) read over the whole programme. Ranges of submission and decision
-- times are read through these indexes, the months of five years through a rollup the registrations keep up to date.
create index registration_submitted_idx on registration (submitted_at) include (partner_id, status, decided_at, verdict);
create index registration_decided_idx on registration (decided_at) include (partner_id, status, verdict)
    where decided_at is not null;
create index registration_won_closed_idx on registration (closed_on) include (partner_id, specialization_code, won_amount_usd)
    where status = 'WON';

-- Per month (UTC) and partner: registrations submitted that month, decided that month (approved or rejected) and
-- closed won that month (with their USD value). Kept by a trigger on every way a registration is written. Each
-- partner-month is spread over 16 slots (by registration id, as registration_open_count is, V39): a submission
-- updates its slot's row until it commits, so one row per partner-month would queue every submission of the company
-- behind the one under way (SubmissionConcurrencyTest). Readers sum the slots.
create table registration_month (
    month       date          not null,
    partner_id  uuid          not null,
    slot        smallint      not null default 0,
    submitted   integer       not null default 0,
    approved    integer       not null default 0,
    rejected    integer       not null default 0,
    won         integer       not null default 0,
    won_usd     numeric(19,2) not null default 0,
    primary key (month, partner_id, slot)
);

create function registration_month_add(r registration, sign integer) returns void
language plpgsql as $$
begin
    insert into registration_month as m (month, partner_id, slot, submitted)
    values (date_trunc('month', r.submitted_at at time zone 'UTC')::date, r.partner_id, hashtext(r.id::text) & 15, sign)
    on conflict (month, partner_id, slot) do update set submitted = m.submitted + excluded.submitted;
    if r.decided_at is not null then
        insert into registration_month as m (month, partner_id, slot, approved, rejected)
        values (date_trunc('month', r.decided_at at time zone 'UTC')::date, r.partner_id, hashtext(r.id::text) & 15,
                case when r.status = 'REJECTED' then 0 else sign end, case when r.status = 'REJECTED' then sign else 0 end)
        on conflict (month, partner_id, slot) do update
            set approved = m.approved + excluded.approved, rejected = m.rejected + excluded.rejected;
    end if;
    if r.status = 'WON' then
        insert into registration_month as m (month, partner_id, slot, won, won_usd)
        values (date_trunc('month', r.closed_on)::date, r.partner_id, hashtext(r.id::text) & 15, sign,
                sign * r.won_amount_usd)
        on conflict (month, partner_id, slot) do update set won = m.won + excluded.won, won_usd = m.won_usd + excluded.won_usd;
    end if;
end $$;

create function registration_month_change() returns trigger
language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.partner_id = new.partner_id and old.status = new.status
       and old.submitted_at = new.submitted_at and old.decided_at is not distinct from new.decided_at
       and old.closed_on is not distinct from new.closed_on
       and old.won_amount_usd is not distinct from new.won_amount_usd then
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        perform registration_month_add(old, -1);
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        perform registration_month_add(new, 1);
    end if;
    return null;
end $$;

create trigger registration_month_change after insert or update or delete on registration
    for each row execute function registration_month_change();

-- Fills the rollup from the registrations as they are: here, and after a bulk load made without triggers (bench/).
create function registration_month_rebuild() returns void
language sql as $$
    delete from registration_month;
    insert into registration_month (month, partner_id, submitted, approved, rejected, won, won_usd)
    select month, partner_id, sum(submitted), sum(approved), sum(rejected), sum(won), sum(won_usd)
      from (select date_trunc('month', submitted_at at time zone 'UTC')::date as month, partner_id,
                   1 as submitted, 0 as approved, 0 as rejected, 0 as won, 0 as won_usd
              from registration
            union all
            select date_trunc('month', decided_at at time zone 'UTC')::date, partner_id,
                   0, case when status = 'REJECTED' then 0 else 1 end, case when status = 'REJECTED' then 1 else 0 end, 0, 0
              from registration where decided_at is not null
            union all
            select date_trunc('month', closed_on)::date, partner_id, 0, 0, 0, 1, won_amount_usd
              from registration where status = 'WON') contributions
     group by month, partner_id;
$$;

select registration_month_rebuild();
