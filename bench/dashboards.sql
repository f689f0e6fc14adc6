-- bench/dashboards.sh: 2,000 partners, 1,000,000 registrations over 5 years, 50 reps with 10,000 accounts and
-- 100,000 direct credits, added to the demo data of a scratch database. Triggers and foreign keys are off during the
-- load (session_replication_role = replica): the rollups the triggers keep are rebuilt at the end, as V75 and V39 fill
-- them. Encrypted columns hold a placeholder: the dashboards read plain columns only.
\set ON_ERROR_STOP on
set session_replication_role = replica;

insert into partner (id, legal_name, country, region_code, tier, status, created_at)
select gen_random_uuid(), 'Bench Partner ' || g,
       case when g % 5 < 3 then 'US' else 'FR' end, case when g % 5 < 3 then 'US' else 'FR' end,
       case when g % 10 < 3 then 'CERTIFIED' else 'REGISTERED' end,
       case when g % 50 = 0 then 'SUSPENDED' when g % 97 = 0 then 'APPLIED' else 'ACTIVE' end,
       now() - interval '6 years'
  from generate_series(1, 2000 - (select count(*) from partner)) g;
insert into partner_specialization (partner_id, specialization_code)
select id, case when hashtext(id::text) % 2 = 0 then 'MANAGED_SERVICES' else 'INFRASTRUCTURE' end
  from partner where legal_name like 'Bench Partner %';

insert into registration (id, partner_id, submitted_by, status, receipt_number, customer_name, customer_country,
        contact_name, contact_email, title, description, specialization_code, amount, currency, usd_per_unit,
        amount_usd, expected_close_date, customer_name_index, submitted_at, decision_due_at, remind_at, verdict,
        decided_at, decided_by, rejection_reason, protection_ends_at, closed_on, won_amount, won_currency,
        won_usd_per_unit, won_amount_usd, ended_at, changed_at)
select gen_random_uuid(), partner_id, submitter, status, 'BENCH-' || g, 'bench:placeholder', 'US',
       'bench:placeholder', 'bench:placeholder', 'bench:placeholder', 'bench:placeholder', specialization, amount,
       'USD', 1, amount, (submitted + interval '120 days')::date, md5(g::text), submitted, due, remind, verdict,
       case when status not in ('SUBMITTED', 'WITHDRAWN') then decided end,
       case when status not in ('SUBMITTED', 'WITHDRAWN') then manager end,
       case when status = 'REJECTED' then 'OTHER' end,
       case when status in ('APPROVED', 'WON', 'LOST', 'EXPIRED') then decided + interval '90 days' end,
       case when status in ('WON', 'LOST') then closed end,
       case when status = 'WON' then amount end, case when status = 'WON' then 'USD' end,
       case when status = 'WON' then 1 end, case when status = 'WON' then amount end,
       case when status in ('REJECTED', 'WITHDRAWN', 'EXPIRED', 'WON', 'LOST') then least(now(), decided + interval '1 day') end,
       submitted
  from (select g, submitted, due, remind, decided, verdict, partner_id, submitter, manager, specialization, amount,
               least(current_date, (decided + interval '1 day' * (5 + r2 * 80))::date) as closed,
               case when decided > now() then 'SUBMITTED'
                    when r1 < 0.05 then 'WITHDRAWN'
                    when r1 < 0.20 then 'REJECTED'
                    when decided + interval '90 days' > now() then 'APPROVED'
                    when r2 < 0.4 then 'WON'
                    when r2 < 0.7 then 'LOST'
                    else 'EXPIRED' end as status
          from (select g, submitted, r1, r2, verdict, partner_id, submitter, manager, specialization, amount,
                       submitted + case when verdict = 'CLEAR' then interval '24 hours' else interval '48 hours' end as due,
                       submitted + case when verdict = 'CLEAR' then interval '18 hours' else interval '36 hours' end as remind,
                       submitted + interval '1 minute' * (30 + power(random(), 2) * 2800) as decided
                  from (select g, now() - interval '1 second' * (random() * 5 * 365.25 * 86400) as submitted,
                               random() as r1, random() as r2,
                               case when random() < 0.7 then 'CLEAR' when random() < 0.66 then 'REVIEW' else 'CONFLICT' end as verdict,
                               ids.partners[1 + g % array_length(ids.partners, 1)] as partner_id,
                               ids.submitter, ids.manager,
                               case when g % 2 = 0 then 'MANAGED_SERVICES' else 'INFRASTRUCTURE' end as specialization,
                               (75000 + floor(random() * 400) * 1000)::numeric(19, 2) as amount
                          from generate_series(1, 1000000) g,
                               (select array_agg(id order by id) as partners,
                                       (select id from app_user where email = 'bob@northwind.example') as submitter,
                                       (select id from app_user where email = 'maria@dealreg.example') as manager
                                  from partner) ids) drawn) timed) decided;

insert into app_user (id, email, password_hash, display_name, role, locale, time_zone)
select gen_random_uuid(), 'bench-rep-' || g || '@bench.example', 'bench:no-sign-in', 'Bench rep ' || g, 'SALES_REP',
       'en', 'America/New_York'
  from generate_series(1, 49) g;
insert into direct_account (id, crm_id, name, normalised_name, country, owner_id)
select gen_random_uuid(), 'BENCH-' || g, 'Bench Account ' || g, 'bench account ' || g, 'US',
       reps.ids[1 + g % array_length(reps.ids, 1)]
  from generate_series(1, 10000) g,
       (select array_agg(id order by id) as ids from app_user where role = 'SALES_REP') reps;
insert into engagement (id, account_id, rep_id, started_on, last_activity_on)
select gen_random_uuid(), id, owner_id, current_date - 200, current_date - (random() * 190)::int
  from direct_account where crm_id like 'BENCH-%' and hashtext(id::text) % 3 = 0;
insert into rep_credit (id, rep_id, account_id, source, amount, currency, amount_usd, closed_on, recorded_at)
select gen_random_uuid(), accounts.owners[n], accounts.ids[n], 'DIRECT', amount, 'USD', amount,
       current_date - (random() * 1826)::int, now()
  from (select 1 + g % 10000 as n, (50000 + floor(random() * 300) * 1000)::numeric(19, 2) as amount
          from generate_series(1, 100000) g) drawn,
       (select array_agg(id order by crm_id) as ids, array_agg(owner_id order by crm_id) as owners
          from direct_account where crm_id like 'BENCH-%') accounts;
insert into rep_credit (id, rep_id, account_id, source, amount, currency, amount_usd, closed_on, registration_id, recorded_at)
select gen_random_uuid(), accounts.owners[1 + n % 10000], accounts.ids[1 + n % 10000], 'PARTNER', r.won_amount, 'USD',
       r.won_amount_usd, r.closed_on, r.id, now()
  from (select id, won_amount, won_amount_usd, closed_on, row_number() over () as n
          from registration where status = 'WON' and hashtext(id::text) % 10 = 0) r,
       (select array_agg(id order by crm_id) as ids, array_agg(owner_id order by crm_id) as owners
          from direct_account where crm_id like 'BENCH-%') accounts;

set session_replication_role = origin;
select registration_month_rebuild();
delete from registration_open_count;
insert into registration_open_count (partner_id, slot, open)
select partner_id, registration_open_slot(id), count(*)
  from registration where status in ('SUBMITTED', 'APPROVED')
 group by 1, 2;
