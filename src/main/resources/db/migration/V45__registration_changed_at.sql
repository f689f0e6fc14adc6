-- registration: when a registration last changed, for the API's list "updatedSince" and its cursor (issue 13). Set by
-- the database on every insert and update, whichever path writes the row, at the time of the statement.
alter table registration add column changed_at timestamptz;
update registration set changed_at = coalesce(ended_at, decided_at, submitted_at);
alter table registration alter column changed_at set not null;
alter table registration alter column changed_at set default clock_timestamp();

create function registration_changed_at() returns trigger language plpgsql as $$
begin
    new.changed_at := clock_timestamp();
    return new;
end $$;
create trigger registration_changed_at before insert or update on registration
    for each row execute function registration_changed_at();

create index registration_partner_changed_idx on registration (partner_id, changed_at, id);
