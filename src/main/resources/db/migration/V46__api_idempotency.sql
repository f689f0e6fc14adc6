-- integrations: the Idempotency-Key of each POST that creates something (issue 13), per client, kept a day: the same
-- key and body answer what the first request created; another body with the key is refused.
create table api_idempotency (
    client_id    varchar(100) not null,
    key          varchar(200) not null,
    operation    varchar(100) not null,
    request_hash bytea        not null,
    created_at   timestamptz  not null default now(),
    result_id    uuid,
    primary key (client_id, key)
);
create index api_idempotency_created_idx on api_idempotency (created_at);
