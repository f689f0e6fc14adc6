-- registration: how a registration left SUBMITTED. decided_by is null when the programme decided by
-- itself (the deadline's breach policy). The rejection comment is what a manager typed to the partner:
-- encrypted like what the partner typed.
alter table registration
    add column decided_at        timestamptz,
    add column decided_by        uuid references app_user(id),
    add column rejection_reason  varchar(30)
        check (rejection_reason in ('DIRECT_SALES_ENGAGED', 'ALREADY_REGISTERED', 'BELOW_MINIMUM', 'INCOMPLETE', 'OTHER')),
    add column rejection_comment text,
    add column ended_at          timestamptz,
    add check ((status = 'REJECTED') = (rejection_reason is not null));

-- the manager's queue: pending registrations by due time
create index registration_pending_due_idx on registration (decision_due_at) where status = 'SUBMITTED';

-- registration: what happened to a registration, in order, as the partner and the managers see it
create table registration_history (
    id               bigint       generated always as identity primary key,
    registration_id  uuid         not null references registration(id),
    at               timestamptz  not null,
    actor_id         uuid         references app_user(id),
    action           varchar(20)  not null
        check (action in ('SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'ESCALATED', 'EXPIRED', 'EXTENDED', 'WON', 'LOST')),
    status_after     varchar(20)  not null
);

create index registration_history_registration_idx on registration_history (registration_id, id);

insert into registration_history (registration_id, at, actor_id, action, status_after)
select id, submitted_at, submitted_by, 'SUBMITTED', 'SUBMITTED' from registration;
