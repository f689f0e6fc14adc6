-- integrations: the API's limits per client (issue 13), Bucket4j's token buckets (PostgreSQLSelectForUpdateBasedProxyManager,
-- string keys: what is counted, the client id and the limit), so every node counts the same calls; expires_at is
-- Bucket4j's (milliseconds since 1970), a row whose bucket is full again may be deleted.
create table api_bucket (
    id          varchar(200)  primary key,
    state       bytea,
    expires_at  bigint
);
create index api_bucket_expires_idx on api_bucket (expires_at);

insert into program_setting (name, value) values ('api-requests-per-minute', '600'), ('api-bulk-lines-per-hour', '1000000');
