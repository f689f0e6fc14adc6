-- registration: a blind index of the customer contact's e-mail (HMAC of the address in lower case, docs/receipts.md
-- "Personal-data requests"), so a programme admin finds every registration holding an address without decrypting
-- any. Filled at submission; rows submitted before this version are filled once at start-up (ContactEmailIndexBackfill).
-- An erasure clears it with the contact.
alter table registration add column contact_email_index text;
create index registration_contact_email_index_idx on registration (contact_email_index)
    where contact_email_index is not null;

-- A personal-data request (GDPR article 17) erases the contact of a registration still open too, so an erased
-- registration no longer needs to have ended; it still keeps no part of the contact, index included.
alter table registration drop constraint registration_contact_kept_until_erased;
alter table registration add constraint registration_contact_kept_until_erased check (
    case when personal_data_erased_at is null then contact_name is not null and contact_email is not null
         else contact_name is null and contact_email is null and contact_phone is null and contact_email_index is null
    end);

-- the rows the start-up fill still has to index (none, once it ran)
create index registration_contact_email_unindexed_idx on registration (id)
    where contact_email is not null and contact_email_index is null;
