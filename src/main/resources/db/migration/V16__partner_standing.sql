-- partners: every change of a partner's tier or status, with who changed it and why (the reason is the vendor's
-- own words to the partner, not something a partner typed)
create table partner_standing_change (
    id           bigint       generated always as identity primary key,
    partner_id   uuid         not null references partner(id),
    at           timestamptz  not null,
    changed_by   uuid         not null references app_user(id),
    from_tier    varchar(20)  not null,
    to_tier      varchar(20)  not null,
    from_status  varchar(20)  not null,
    to_status    varchar(20)  not null,
    reason       varchar(2000) not null
);

create index partner_standing_change_partner_idx on partner_standing_change (partner_id, at desc);
