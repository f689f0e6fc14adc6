-- registration: after approval. The customer is reserved until protection_ends_at (approval + the protection
-- days in force then); the partner closes it won or lost, or it expires. The last expiry reminder sent (14, 7 or
-- 1 days before) is a flag the protection job sets by a conditional update, so it is sent once.
alter table registration
    add column protection_ends_at        timestamptz,
    add column extensions_granted        integer not null default 0 check (extensions_granted >= 0),
    add column protection_reminded_days  integer check (protection_reminded_days > 0),
    add column closed_on                 date,
    add column closed_by                 uuid references app_user(id),
    add column won_amount                numeric(19,2) check (won_amount > 0),
    add column won_currency              varchar(3),
    add column won_usd_per_unit          numeric(19,8) check (won_usd_per_unit > 0),
    add column won_amount_usd            numeric(19,2) check (won_amount_usd > 0),
    -- what the partner typed about a lost deal: encrypted like the rest of what partners type
    add column lost_reason               text;

-- registrations approved before protection existed get the default 90 days from their approval
update registration set protection_ends_at = decided_at + interval '90 days'
 where protection_ends_at is null and decided_at is not null and status in ('APPROVED', 'WON', 'LOST', 'EXPIRED');

alter table registration
    add constraint registration_approved_is_protected check (status <> 'APPROVED' or protection_ends_at is not null),
    add constraint registration_won_has_amount check ((status = 'WON') = (won_amount is not null and won_amount_usd is not null)),
    add constraint registration_closed_has_date check ((status in ('WON', 'LOST')) = (closed_on is not null));

-- the protection job's two questions: whose protection ends soon, whose has ended
create index registration_protection_idx on registration (protection_ends_at) where status = 'APPROVED';

-- extension requests: the partner's reason and the manager's answer, encrypted (typed text)
create table extension_request (
    id                   uuid        primary key,
    registration_id      uuid        not null references registration(id),
    requested_by         uuid        not null references app_user(id),
    requested_at         timestamptz not null,
    reason               text        not null,
    protection_ended_at  timestamptz not null,
    status               varchar(10) not null check (status in ('PENDING', 'GRANTED', 'DECLINED')),
    decided_by           uuid        references app_user(id),
    decided_at           timestamptz,
    decline_reason       text,
    protection_ends_at   timestamptz,
    check ((status = 'PENDING') = (decided_at is null)),
    check ((status = 'DECLINED') = (decline_reason is not null)),
    check ((status = 'GRANTED') = (protection_ends_at is not null))
);

-- one open request per registration, whoever asks and however fast
create unique index extension_request_one_pending_uq on extension_request (registration_id) where status = 'PENDING';
create index extension_request_registration_idx on extension_request (registration_id, requested_at);

alter table registration_history drop constraint registration_history_action_check;
alter table registration_history add constraint registration_history_action_check
    check (action in ('SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'ESCALATED', 'EXPIRED', 'EXTENDED', 'WON', 'LOST',
                      'EXTENSION_REQUESTED', 'EXTENSION_DECLINED'));
