-- receipts (docs/receipts.md): the SHA-256 of every receipt file the portal handed out, so the check page knows a
-- file it made from one with a byte changed; and the check page's token buckets (Bucket4j, as sign_in_bucket), one
-- per client address, so every node counts the same checks.
create table receipt_file (
    sha256           text         primary key,
    registration_id  uuid         not null,
    issued_at        timestamptz  not null
);

create table receipt_check_bucket (
    id          varchar(200)  primary key,
    state       bytea,
    expires_at  bigint
);
create index receipt_check_bucket_expires_idx on receipt_check_bucket (expires_at);
