-- accounts: the engagement flag must not be computed from a snapshot older than the account row's lock.
-- Two transactions changing engagements of one account (one ends an engagement, the other opens one) would
-- otherwise let the second to commit write the flag from what it saw before the first committed: false, with an
-- engagement open, and the verdict's similar-name search would skip the account. Locking the accounts first (in
-- id order) makes the update that follows take a fresh snapshot, after the other transaction committed.
create or replace function direct_account_engagement_open() returns trigger language plpgsql as $$
begin
    perform 1 from direct_account where id in (select account_id from changed) order by id for update;
    update direct_account a
       set engagement_open = exists (select 1 from engagement e where e.account_id = a.id and e.ended_on is null)
     where a.id in (select account_id from changed);
    return null;
end
$$;

-- registration: when three quarters of the decision window have passed, in the clock the window was counted in
-- (with business hours, a weekend does not bring the reminder closer). Computed at submission like the due time.
alter table registration add column remind_at timestamptz;
update registration set remind_at = submitted_at + (decision_due_at - submitted_at) * 0.75;
alter table registration alter column remind_at set not null;
