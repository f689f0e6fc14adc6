-- identity: sign-in throttling that slows guessing down instead of locking the account (docs/sign-in.md).
-- The five-failure lock and its table go.
drop table login_throttle;

-- Bucket4j's token buckets (PostgreSQLSelectForUpdateBasedProxyManager, string keys). A key names what is counted:
-- the SHA-256 of an e-mail as typed and/or a network address, never the e-mail itself. expires_at is Bucket4j's
-- (milliseconds since 1970): a row whose bucket has refilled may be deleted, which the clean-up job does.
create table sign_in_bucket (
    id          varchar(200)  primary key,
    state       bytea,
    expires_at  bigint
);

create index sign_in_bucket_expires_idx on sign_in_bucket (expires_at);

-- The network addresses an account signed in from (or reset its password from) in the last 90 days. Attempts from
-- these are never held back by the limit on the account as a whole, so a stranger cannot keep its owner out.
create table sign_in_known_address (
    account_key      varchar(64)  not null,
    address          varchar(64)  not null,
    last_success_at  timestamptz  not null,
    primary key (account_key, address)
);

create index sign_in_known_address_age_idx on sign_in_known_address (last_success_at);

-- "Forgot your password?" links: as invitations, only the SHA-256 of the token is kept; single use, one hour.
create table password_reset (
    token_hash  varchar(64)  primary key,
    user_id     uuid         not null references app_user(id),
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    used_at     timestamptz
);

create index password_reset_user_idx on password_reset (user_id);
