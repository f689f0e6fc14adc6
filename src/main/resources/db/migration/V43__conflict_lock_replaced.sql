-- conflicts: conflict_lock (V4) was replaced by conflict_lock_and_claims (V37), which also reads the claims
drop function conflict_lock(text[]);
