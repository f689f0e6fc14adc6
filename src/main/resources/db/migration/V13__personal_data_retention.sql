-- registration: the customer contact's personal data (name, e-mail, phone) is erased a programme-set number of
-- calendar months after the registration ended; the rest of the row stays for reporting. A contact is missing
-- only once it was erased, and an erased registration keeps no part of it.
alter table registration
    alter column contact_name drop not null,
    alter column contact_email drop not null,
    add column personal_data_erased_at timestamptz,
    add constraint registration_contact_kept_until_erased check (
        case when personal_data_erased_at is null then contact_name is not null and contact_email is not null
             else contact_name is null and contact_email is null and contact_phone is null and ended_at is not null
        end);

-- the retention job's query: ended registrations whose contact is still kept, oldest end first
create index registration_personal_data_due_idx on registration (ended_at)
    where ended_at is not null and personal_data_erased_at is null;

insert into program_setting (name, value) values ('personal-data-retention-months', '12');
