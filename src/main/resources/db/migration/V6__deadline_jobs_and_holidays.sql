-- registration: the promise kept without anyone watching. reminded_at: the managers were reminded at
-- 75 % of the window; escalated_at: the deadline passed undecided and the programme admins were told
-- (the registration is overdue). Both are set once, by a conditional update, whoever runs the job.
alter table registration
    add column reminded_at  timestamptz,
    add column escalated_at timestamptz;

create index registration_pending_submitted_idx on registration (submitted_at) where status = 'SUBMITTED';

-- jobs run on one node at a time (ShedLock)
create table shedlock (
    name        varchar(64)  primary key,
    lock_until  timestamptz  not null,
    locked_at   timestamptz  not null,
    locked_by   varchar(255) not null
);

-- program: public holidays per region; with the business-hours clock they do not count
create table region_holiday (
    region_code  varchar(2)   not null references region(code),
    day          date         not null,
    name         varchar(100) not null,
    primary key (region_code, day)
);

insert into region_holiday (region_code, day, name) values
    ('US', '2026-11-26', 'Thanksgiving Day'),
    ('US', '2026-12-25', 'Christmas Day'),
    ('US', '2027-01-01', 'New Year''s Day'),
    ('US', '2027-01-18', 'Martin Luther King Jr. Day'),
    ('US', '2027-02-15', 'Presidents'' Day'),
    ('US', '2027-05-31', 'Memorial Day'),
    ('US', '2027-06-18', 'Juneteenth (observed)'),
    ('US', '2027-07-05', 'Independence Day (observed)'),
    ('US', '2027-09-06', 'Labor Day'),
    ('US', '2027-11-25', 'Thanksgiving Day'),
    ('US', '2027-12-24', 'Christmas Day (observed)'),
    ('FR', '2026-12-25', 'Noël'),
    ('FR', '2027-01-01', 'Jour de l''an'),
    ('FR', '2027-03-29', 'Lundi de Pâques'),
    ('FR', '2027-05-01', 'Fête du Travail'),
    ('FR', '2027-05-06', 'Ascension'),
    ('FR', '2027-05-08', 'Victoire 1945'),
    ('FR', '2027-05-17', 'Lundi de Pentecôte'),
    ('FR', '2027-07-14', 'Fête nationale'),
    ('FR', '2027-08-15', 'Assomption'),
    ('FR', '2027-11-01', 'Toussaint'),
    ('FR', '2027-11-11', 'Armistice 1918'),
    ('FR', '2027-12-25', 'Noël');
