-- conflicts: conflict_lock_and_claims (V37) reads the portal's time (V77) once the locks are held, and keeps it in the transaction's
-- setting dealreg.conflict_checked_at, so that the account matches sent in the same round trip judge direct sales'
-- engagement as of that very instant (the submission's time) without waiting for it to come back to the portal.
create or replace function conflict_lock_and_claims(keys text[], name_index text, domain_index text)
    returns table (locked_at timestamptz, registration_id uuid, partner_id uuid, same_domain boolean)
    language plpgsql volatile as $$
declare
    k text;
    checked timestamptz;
begin
    perform set_config('plan_cache_mode', 'force_generic_plan', true);
    foreach k in array keys loop
        perform pg_advisory_xact_lock(hashtextextended(k, 0));
    end loop;
    checked := portal_clock();
    perform set_config('dealreg.conflict_checked_at', checked::text, true);
    return query
        select checked, c.registration_id, c.partner_id, c.domain_index = conflict_lock_and_claims.domain_index
          from (select 1) t
          left join customer_claim c
            on c.released_at is null
           and (c.name_index = conflict_lock_and_claims.name_index or c.domain_index = conflict_lock_and_claims.domain_index)
         order by c.claimed_at;
end
$$;
