-- registration: the open-registration cap without holding the partner's row for a whole submission
-- (docs/submission.md). A submission first takes a ticket in a short transaction of its own, committed at once;
-- its main transaction then counts the partner's open registrations and the live tickets taken before its own.

-- one row per partner that ever submitted: the last ticket handed out; its row lock orders the tickets
create table registration_quota (
    partner_id  uuid   primary key,
    last_ticket bigint not null
);

-- a submission under way: its ticket, until its registration exists (or it failed and removed it, or it is stale)
create table registration_reservation (
    registration_id uuid        primary key,
    partner_id      uuid        not null,
    ticket          bigint      not null,
    reserved_at     timestamptz not null
);
create index registration_reservation_partner_idx on registration_reservation (partner_id, ticket);

-- the next ticket of the partner, under the quota row's lock (held until the caller commits, so tickets are
-- committed in their order); clears the partner's tickets whose registration exists or which went stale
create function reserve_registration(p_partner uuid, p_registration uuid) returns bigint
language plpgsql volatile as $$
declare
    t bigint;
begin
    insert into registration_quota as q (partner_id, last_ticket) values (p_partner, 1)
        on conflict (partner_id) do update set last_ticket = q.last_ticket + 1
        returning q.last_ticket into t;
    delete from registration_reservation r
     where r.partner_id = p_partner
       and (r.reserved_at < now() - interval '10 minutes'
            or exists (select 1 from registration g where g.id = r.registration_id));
    insert into registration_reservation (registration_id, partner_id, ticket, reserved_at)
        values (p_registration, p_partner, t, now());
    return t;
end
$$;
