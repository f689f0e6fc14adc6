-- integrations: who each machine client is (issue 13). Spring Authorization Server's oauth2_registered_client holds
-- what it needs to issue tokens; this table holds what the portal needs: whose client it is, the name people gave it,
-- the secret it replaced (accepted for a grace period after a rotation), when it was last used, and when it was
-- revoked (its registered client is deleted then, and its tokens with it; this row stays for the page and the trail).
create table api_client (
    client_id             varchar(100) primary key,
    kind                  varchar(10)  not null check (kind in ('PARTNER', 'VENDOR')),
    partner_id            uuid,
    owner_id              uuid         not null,
    name                  varchar(100) not null,
    created_at            timestamptz  not null,
    secret_rotated_at     timestamptz,
    previous_secret       varchar(200),
    previous_secret_until timestamptz,
    last_used_at          timestamptz,
    revoked_at            timestamptz,
    check ((kind = 'PARTNER') = (partner_id is not null))
);
create index api_client_partner_idx on api_client (partner_id, created_at);
