-- joining: the public application form's attempts per network address in the last hour, so that a bot cannot
-- flood the channel managers' queue (a sliding hour, counted in PostgreSQL so every node enforces the same limit)
create table application_attempt (
    address  varchar(64)  not null,
    at       timestamptz  not null
);

create index application_attempt_address_idx on application_attempt (address, at);

insert into program_setting (name, value) values ('applications-per-hour-per-address', '5');
