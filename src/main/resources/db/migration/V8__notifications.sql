-- notifications: what a user is told, in the portal (with whether it was read) and by e-mail. Written in the
-- transaction of what it tells, rendered in the recipient's language and time zone. It names receipts,
-- statuses and times, never a field the partner typed, because e-mail travels in clear.
create table notification (
    id          uuid         primary key,
    user_id     uuid         not null references app_user(id),
    created_at  timestamptz  not null,
    kind        varchar(30)  not null,
    subject     varchar(200) not null,
    body        text         not null,
    link        varchar(200) not null,
    read_at     timestamptz
);

create index notification_user_idx on notification (user_id, created_at desc);
create index notification_unread_idx on notification (user_id) where read_at is null;

-- the persisted outbox: an e-mail waits here until an SMTP server took it, retried with back-off
create table mail_outbox (
    id               uuid         primary key,
    notification_id  uuid         not null references notification(id),
    to_address       varchar(254) not null,
    subject          varchar(200) not null,
    body             text         not null,
    created_at       timestamptz  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    sent_at          timestamptz,
    last_error       varchar(500)
);

create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where sent_at is null;
