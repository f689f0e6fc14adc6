-- audit: the append-only, hash-chained trail (DESIGN.md §9). Each row's hash covers its own fields and the
-- previous row's hash, so a row altered, removed or inserted behind the application's back breaks the chain
-- from there on. seq has no gaps: rows are appended one at a time under a lock, in the transaction of what
-- they record (a rolled-back action leaves no row and no gap).
create table audit_event (
    seq           bigint       primary key,
    at            timestamptz  not null,
    actor_id      uuid,
    actor_label   varchar(254) not null default '',
    action        varchar(40)  not null,
    subject_type  varchar(30)  not null default '',
    subject_id    varchar(100) not null default '',
    details       text         not null default '',
    prev_hash     char(64)     not null,
    hash          char(64)     not null unique
);

create index audit_event_subject_idx on audit_event (subject_type, subject_id);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is refused', tg_op;
end
$$;

create trigger audit_event_no_update_or_delete before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
