-- credits: the reps' credit ledger (DESIGN.md §8). A rep is credited a won deal the same whether they closed it
-- directly or a partner closed a registration tied to their account. A PARTNER credit names its registration once
-- (unique), so a close delivered twice credits once.
create table rep_credit (
    id               uuid          primary key,
    rep_id           uuid          not null references app_user(id),
    account_id       uuid          not null references direct_account(id),
    source           varchar(10)   not null check (source in ('DIRECT', 'PARTNER')),
    amount           numeric(19,2) not null check (amount > 0),
    currency         varchar(3)    not null,
    amount_usd       numeric(19,2) not null check (amount_usd > 0),
    closed_on        date          not null,
    registration_id  uuid          unique references registration(id),
    recorded_by      uuid          references app_user(id),
    recorded_at      timestamptz   not null default now(),
    check ((source = 'PARTNER') = (registration_id is not null))
);

create index rep_credit_rep_closed_idx on rep_credit (rep_id, closed_on);

-- the month the fiscal year starts (1 = January): the rep's quarter and year totals follow it
insert into program_setting (name, value) values ('fiscal-year-start-month', '1');
