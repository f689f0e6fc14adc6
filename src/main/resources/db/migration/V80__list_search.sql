-- Lists people can work with (issue 14 §5, docs/lists.md): what their searches need.

-- The managers' partner list (/partners) and the review queue's search match part of a company's name, in any case:
-- a trigram index serves "lower(legal_name) like '%…%'" without reading every partner.
create index partner_legal_name_trgm_idx on partner using gin (lower(legal_name) gin_trgm_ops);

-- The review queue and the export of decisions match part of a receipt number across every company's registrations.
create index registration_receipt_trgm_idx on registration using gin (lower(receipt_number) gin_trgm_ops);
