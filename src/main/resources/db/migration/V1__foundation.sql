-- Trigram matching for the conflict check (a trusted extension: the database owner may create it).
create extension if not exists pg_trgm;

-- program: settings, regions, exchange rates
create table program_setting (
    name        varchar(80)  primary key,
    value       varchar(200) not null,
    updated_at  timestamptz  not null default now()
);

insert into program_setting (name, value) values
    ('minimum-deal-usd', '75000'),
    ('decision-hours-clear', '24'),
    ('decision-hours-other', '48'),
    ('clock-mode', 'CALENDAR'),
    ('breach-policy', 'AUTO_APPROVE_CLEAR'),
    ('protection-days', '90'),
    ('extension-days', '30'),
    ('max-extensions', '2'),
    ('open-cap-registered', '10'),
    ('open-cap-certified', '30'),
    ('payment-terms-registered', '30'),
    ('payment-terms-certified', '45'),
    ('engagement-lapse-days', '180'),
    ('weak-match-threshold', '0.55');

create table region (
    code            varchar(2)  primary key,
    currency        varchar(3)  not null,
    time_zone       varchar(64) not null,
    default_locale  varchar(10) not null,
    launch_date     date        not null
);

insert into region (code, currency, time_zone, default_locale, launch_date) values
    ('US', 'USD', 'America/New_York', 'en', date '2026-11-01'),
    ('FR', 'EUR', 'Europe/Paris', 'fr', date '2027-02-01');

create table region_country (
    country      varchar(2) primary key,
    region_code  varchar(2) not null references region(code)
);

insert into region_country (country, region_code) values ('US', 'US'), ('FR', 'FR');

create table exchange_rate (
    id            bigint generated always as identity primary key,
    currency      varchar(3)    not null,
    usd_per_unit  numeric(19,8) not null check (usd_per_unit > 0),
    valid_from    date          not null,
    unique (currency, valid_from)
);

-- partners: specialisations and companies
create table specialization (
    code          varchar(40)   primary key,
    name_en       varchar(120)  not null,
    name_fr       varchar(120)  not null,
    objective_usd numeric(19,2) not null check (objective_usd >= 0),
    active        boolean       not null default true
);

insert into specialization (code, name_en, name_fr, objective_usd) values
    ('MANAGED_SERVICES', 'Managed services', 'Services managés', 1000000),
    ('INFRASTRUCTURE', 'Infrastructure', 'Infrastructure', 1500000);

create table partner (
    id           uuid         primary key,
    legal_name   varchar(200) not null,
    country      varchar(2)   not null,
    region_code  varchar(2)   not null references region(code),
    tier         varchar(20)  not null check (tier in ('REGISTERED', 'CERTIFIED')),
    status       varchar(20)  not null check (status in ('APPLIED', 'ACTIVE', 'SUSPENDED')),
    created_at   timestamptz  not null default now()
);

create unique index partner_legal_name_uq on partner (lower(legal_name));

create table partner_specialization (
    partner_id           uuid        not null references partner(id),
    specialization_code  varchar(40) not null references specialization(code),
    primary key (partner_id, specialization_code)
);

-- identity: users of every role
create table app_user (
    id              uuid         primary key,
    email           varchar(254) not null,
    password_hash   varchar(200) not null,
    display_name    varchar(120) not null,
    role            varchar(20)  not null check (role in ('PARTNER_USER', 'PARTNER_ADMIN', 'CHANNEL_MANAGER', 'SALES_REP', 'PROGRAM_ADMIN')),
    partner_id      uuid         references partner(id),
    locale          varchar(10)  not null,
    time_zone       varchar(64)  not null,
    enabled         boolean      not null default true,
    created_at      timestamptz  not null default now(),
    -- partner roles belong to a company, staff roles never do
    check ((role in ('PARTNER_USER', 'PARTNER_ADMIN')) = (partner_id is not null))
);

create unique index app_user_email_uq on app_user (lower(email));

-- Sign-in throttling per e-mail as typed (lower-cased), whether or not an account has it,
-- so that a lock never tells an attacker which addresses exist.
create table login_throttle (
    identifier    varchar(254) primary key,
    failures      integer      not null,
    locked_until  timestamptz
);

-- registration: the deal; text a partner typed is stored encrypted (v1:<key id>:<base64>)
create sequence receipt_number_seq;

create table registration (
    id                   uuid          primary key,
    version              integer       not null default 0,
    partner_id           uuid          not null references partner(id),
    submitted_by         uuid          not null references app_user(id),
    status               varchar(20)   not null check (status in ('SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'WON', 'LOST')),
    receipt_number       varchar(30)   not null unique,
    customer_name        text          not null,
    customer_website     text,
    customer_country     varchar(2)    not null,
    customer_city        text,
    contact_name         text          not null,
    contact_email        text          not null,
    contact_phone        text,
    title                text          not null,
    description          text          not null,
    competitors          text,
    specialization_code  varchar(40)   not null references specialization(code),
    amount               numeric(19,2) not null check (amount > 0),
    currency             varchar(3)    not null,
    usd_per_unit         numeric(19,8) not null check (usd_per_unit > 0),
    amount_usd           numeric(19,2) not null check (amount_usd > 0),
    expected_close_date  date          not null,
    customer_domain_index varchar(64),
    customer_name_index  varchar(64)   not null,
    submitted_at         timestamptz   not null,
    decision_due_at      timestamptz   not null
);

create index registration_partner_submitted_idx on registration (partner_id, submitted_at desc);
create index registration_partner_status_idx on registration (partner_id, status, submitted_at desc);
create index registration_domain_index_idx on registration (customer_domain_index) where customer_domain_index is not null;
create index registration_name_index_idx on registration (customer_name_index);
