-- joining: a company's application to the programme. The company itself is a partner row in status APPLIED; the
-- application holds who applied for it and what became of it. A declined application stays for the record; the
-- company may apply again, which adds a new application to the same partner row (at most one waits at a time).
create table partner_application (
    id              uuid          primary key,
    partner_id      uuid          not null references partner(id),
    status          varchar(20)   not null check (status in ('PENDING', 'ACCEPTED', 'DECLINED')),
    contact_name    varchar(120)  not null,
    contact_email   varchar(254)  not null,
    contact_phone   varchar(40),
    website         varchar(255),
    message         varchar(2000),
    submitted_at    timestamptz   not null,
    decided_at      timestamptz,
    decided_by      uuid          references app_user(id),
    decline_reason  varchar(2000),
    admin_user_id   uuid          references app_user(id),
    check ((status = 'PENDING') = (decided_at is null)),
    check ((status = 'DECLINED') = (decline_reason is not null))
);

create unique index partner_application_one_pending_uq on partner_application (partner_id) where status = 'PENDING';
create index partner_application_status_idx on partner_application (status, submitted_at);

-- the application's history: submitted, accepted, declined — with when and by whom (null: the applicant)
create table partner_application_step (
    id              bigint        generated always as identity primary key,
    application_id  uuid          not null references partner_application(id),
    at              timestamptz   not null,
    actor_id        uuid          references app_user(id),
    step            varchar(20)   not null check (step in ('SUBMITTED', 'ACCEPTED', 'DECLINED'))
);

create index partner_application_step_idx on partner_application_step (application_id, at);

-- identity: an invited user has no password of their own until they set one through the invitation link
alter table app_user add column password_set boolean not null default true;

-- an invitation link: only the SHA-256 of its random token is kept; used once, before it expires
create table user_invitation (
    token_hash  varchar(64)  primary key,
    user_id     uuid         not null references app_user(id),
    invited_by  uuid         references app_user(id),
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    used_at     timestamptz
);

create index user_invitation_user_idx on user_invitation (user_id);

-- notifications: an e-mail to someone without an account (an applicant) or without a portal inbox yet (an invited
-- user) has no in-app notification
alter table mail_outbox alter column notification_id drop not null;
