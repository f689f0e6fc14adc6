-- accounts: the vendor's direct-sales accounts, owned by sales reps (vendor data, stored plain)
create table direct_account (
    id               uuid         primary key,
    crm_id           varchar(64)  not null unique,
    name             varchar(200) not null,
    normalised_name  varchar(200) not null,
    country          varchar(2)   not null,
    owner_id         uuid         not null references app_user(id),
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now()
);

create index direct_account_country_name_idx on direct_account (country, normalised_name);
create index direct_account_name_trgm_idx on direct_account using gin (normalised_name gin_trgm_ops);
create index direct_account_owner_idx on direct_account (owner_id, name);

create table direct_account_domain (
    domain      varchar(253) not null,
    account_id  uuid         not null references direct_account(id) on delete cascade,
    primary key (domain, account_id)
);

create index direct_account_domain_account_idx on direct_account_domain (account_id);

-- "in contact with the customer": lapses after the configured days without activity
create table engagement (
    id                uuid        primary key,
    account_id        uuid        not null references direct_account(id),
    rep_id            uuid        not null references app_user(id),
    started_on        date        not null,
    last_activity_on  date        not null,
    ended_on          date,
    created_at        timestamptz not null default now(),
    check (last_activity_on >= started_on),
    check (ended_on is null or ended_on >= started_on)
);

create index engagement_open_idx on engagement (account_id) where ended_on is null;
-- "engaged at the submission" also looks at engagements ended after that day, which the partial index cannot serve
create index engagement_account_idx on engagement (account_id);

-- conflicts: who holds a customer. One active claim per registration; the earliest active claim wins.
create table customer_claim (
    registration_id  uuid        primary key,
    partner_id       uuid        not null references partner(id),
    domain_index     varchar(64),
    name_index       varchar(64) not null,
    claimed_at       timestamptz not null,
    released_at      timestamptz
);

create index customer_claim_active_name_idx on customer_claim (name_index, claimed_at) where released_at is null;
create index customer_claim_active_domain_idx on customer_claim (domain_index, claimed_at)
    where released_at is null and domain_index is not null;

-- the stored report of a check: its verdict and every match that led to it
create table conflict_report (
    registration_id  uuid        primary key,
    verdict          varchar(10) not null check (verdict in ('CLEAR', 'REVIEW', 'CONFLICT')),
    checked_at       timestamptz not null
);

create table conflict_match (
    id                     bigint       generated always as identity primary key,
    registration_id        uuid         not null references conflict_report(registration_id),
    kind                   varchar(20)  not null check (kind in ('ACCOUNT_DOMAIN', 'ACCOUNT_NAME', 'ACCOUNT_SIMILAR_NAME', 'PARTNER_DOMAIN', 'PARTNER_NAME')),
    score                  numeric(4,3) not null,
    account_id             uuid         references direct_account(id),
    account_owner_id       uuid         references app_user(id),
    account_engaged        boolean,
    other_registration_id  uuid,
    other_partner_id       uuid         references partner(id)
);

create index conflict_match_registration_idx on conflict_match (registration_id);

alter table registration add column verdict varchar(10) check (verdict in ('CLEAR', 'REVIEW', 'CONFLICT'));
update registration set verdict = 'CLEAR' where verdict is null;
alter table registration alter column verdict set not null;

-- registration: the pre-checks of the last hour, per user and per partner company, so that the
-- traffic light cannot be used to enumerate customers (a sliding hour, not a clock hour)
create table precheck_event (
    subject  varchar(60) not null,
    at       timestamptz not null
);

create index precheck_event_subject_idx on precheck_event (subject, at);

insert into program_setting (name, value) values ('prechecks-per-hour', '30'), ('prechecks-per-hour-per-partner', '100');

-- accounts: the rep's look-up finds domains by prefix
create index direct_account_domain_prefix_idx on direct_account_domain (domain text_pattern_ops);
