-- program: who last changed each setting (the sign-in e-mail; null for the seeded value). The full history,
-- old and new values, is in the audit trail.
alter table program_setting add column updated_by varchar(254);

-- program: the complete 2026 and 2027 calendars. V6 seeded only the days from late 2026 on; US federal holidays
-- (a Saturday one observed the Friday before, a Sunday one the Monday after, so New Year's Day 2028 is observed
-- on Friday 31 December 2027) and French public holidays (never moved).
insert into region_holiday (region_code, day, name) values
    ('US', '2026-01-01', 'New Year''s Day'),
    ('US', '2026-01-19', 'Martin Luther King Jr. Day'),
    ('US', '2026-02-16', 'Presidents'' Day'),
    ('US', '2026-05-25', 'Memorial Day'),
    ('US', '2026-06-19', 'Juneteenth'),
    ('US', '2026-07-03', 'Independence Day (observed)'),
    ('US', '2026-09-07', 'Labor Day'),
    ('US', '2026-10-12', 'Columbus Day'),
    ('US', '2026-11-11', 'Veterans Day'),
    ('US', '2026-11-26', 'Thanksgiving Day'),
    ('US', '2026-12-25', 'Christmas Day'),
    ('US', '2027-10-11', 'Columbus Day'),
    ('US', '2027-11-11', 'Veterans Day'),
    ('US', '2027-12-31', 'New Year''s Day (observed)'),
    ('FR', '2026-01-01', 'Jour de l''an'),
    ('FR', '2026-04-06', 'Lundi de Pâques'),
    ('FR', '2026-05-01', 'Fête du Travail'),
    ('FR', '2026-05-08', 'Victoire 1945'),
    ('FR', '2026-05-14', 'Ascension'),
    ('FR', '2026-05-25', 'Lundi de Pentecôte'),
    ('FR', '2026-07-14', 'Fête nationale'),
    ('FR', '2026-08-15', 'Assomption'),
    ('FR', '2026-11-01', 'Toussaint'),
    ('FR', '2026-11-11', 'Armistice 1918'),
    ('FR', '2026-12-25', 'Noël')
on conflict do nothing;
