-- conflicts: conflict_lock_and_claims (V37) reads the portal's time (V77) once the locks are held: the submission's
-- time, which a transaction playing a story of the past (the demo's history) sets for itself.
create or replace function conflict_lock_and_claims(keys text[], name_index text, domain_index text)
    returns table (locked_at timestamptz, registration_id uuid, partner_id uuid, same_domain boolean)
    language plpgsql volatile as $$
declare
    k text;
begin
    perform set_config('plan_cache_mode', 'force_generic_plan', true);
    foreach k in array keys loop
        perform pg_advisory_xact_lock(hashtextextended(k, 0));
    end loop;
    return query
        select t.at, c.registration_id, c.partner_id, c.domain_index = conflict_lock_and_claims.domain_index
          from (select portal_clock() as at) t
          left join customer_claim c
            on c.released_at is null
           and (c.name_index = conflict_lock_and_claims.name_index or c.domain_index = conflict_lock_and_claims.domain_index)
         order by c.claimed_at;
end
$$;
