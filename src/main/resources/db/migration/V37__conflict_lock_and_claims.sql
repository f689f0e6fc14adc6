-- conflicts: the customer's advisory locks (in the order given), the time once they are held, and the active claims
-- on the customer, earliest first, in one round trip. A volatile function's every statement takes a new snapshot, so
-- the claims read after the locks include those committed while the check waited for them. One row with null claim
-- columns when there is no claim. The check's statements under the lock (this one's claims query, the matches, the
-- write) run with generic plans for the rest of the transaction: every index they use still applies (no index
-- predicate depends on a bound value) and they are not planned again on every check (about a millisecond each).
create function conflict_lock_and_claims(keys text[], name_index text, domain_index text)
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
          from (select clock_timestamp() as at) t
          left join customer_claim c
            on c.released_at is null
           and (c.name_index = conflict_lock_and_claims.name_index or c.domain_index = conflict_lock_and_claims.domain_index)
         order by c.claimed_at;
end
$$;
