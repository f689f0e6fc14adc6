-- webhooks (docs/webhooks.md): a partner admin's subscriptions for the company's registrations (partner_id set), the
-- programme admins' for programme events (partner_id null). Secrets and payloads are FieldCipher ciphertext.
create table webhook_subscription (
    id                     uuid          primary key,
    partner_id             uuid,
    url                    varchar(2000) not null,
    event_types            text[]        not null,
    secret                 text          not null,
    previous_secret        text,
    previous_secret_until  timestamptz,
    paused_at              timestamptz,
    paused_because         varchar(10),
    failing_since          timestamptz,
    created_by             uuid          not null,
    created_at             timestamptz   not null,
    constraint webhook_subscription_paused_because check (paused_because in ('OWNER', 'FAILING'))
);

create index webhook_subscription_partner_idx on webhook_subscription (partner_id);

-- the outbox: one row per event and subscription, written in the transaction of the event, delivered at least once
create table webhook_message (
    id                uuid         primary key,
    subscription_id   uuid         not null references webhook_subscription(id) on delete cascade,
    event_type        varchar(40)  not null,
    payload           text         not null,
    created_at        timestamptz  not null,
    status            varchar(10)  not null default 'PENDING',
    attempts          integer      not null default 0,
    first_attempt_at  timestamptz,
    next_attempt_at   timestamptz  not null,
    delivered_at      timestamptz,
    constraint webhook_message_status check (status in ('PENDING', 'DELIVERED', 'FAILED'))
);

create index webhook_message_due_idx on webhook_message (next_attempt_at) where status = 'PENDING';
create index webhook_message_subscription_idx on webhook_message (subscription_id);

-- the delivery log: every attempt, with its answer
create table webhook_attempt (
    id               uuid         primary key,
    message_id       uuid         not null references webhook_message(id) on delete cascade,
    subscription_id  uuid         not null references webhook_subscription(id) on delete cascade,
    attempted_at     timestamptz  not null,
    outcome          varchar(12)  not null,
    response_code    integer,
    duration_ms      integer      not null,
    constraint webhook_attempt_outcome check (outcome in ('DELIVERED', 'REFUSED', 'NO_ANSWER', 'BLOCKED'))
);

create index webhook_attempt_log_idx on webhook_attempt (subscription_id, attempted_at desc);
create index webhook_attempt_message_idx on webhook_attempt (message_id);
