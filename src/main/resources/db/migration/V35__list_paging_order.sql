-- Lists page in PostgreSQL in a stable order (docs/lists.md); these indexes hold two of those orders, so a page reads
-- its rows in order instead of sorting the whole list first.

-- A company's users (/team, partner_id = ?) and the staff accounts (/admin/staff, partner_id is null), by name; the
-- e-mail is unique whatever its case (app_user_email_uq), so it settles a tie. Until now nothing indexed a company's
-- users: each team page read every user of the programme.
create index app_user_company_by_name_idx on app_user (partner_id, lower(display_name), lower(email));

-- Every partner for the managers (/partners), by status then name; the name is unique whatever its case.
create index partner_by_status_name_idx on partner (status, lower(legal_name));
