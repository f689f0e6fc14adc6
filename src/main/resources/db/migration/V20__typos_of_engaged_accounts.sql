-- accounts: a one-word name typed with a mistake or two ("Globx" for "Globex") shares too few trigrams with the
-- account's name to reach the similarity threshold, yet the partner may be registering a customer direct sales is in
-- contact with. The matcher therefore also looks among the accounts with a one-word name for names that hold a fifth of
-- the customer's trigrams or more (word similarity) and are within four edits of it (Levenshtein distance, from
-- fuzzystrmatch); the typo rule itself (docs/conflict-check.md) is then decided on those few candidates.
-- fuzzystrmatch is a trusted extension: the database owner may create it.
create extension if not exists fuzzystrmatch;

-- One-word names of accounts with an open engagement, searched under the submission's lock (about a tenth of the
-- engaged accounts), and of the others, searched after the submission for the report's list of similar names.
create index direct_account_engaged_word_name_trgm_idx on direct_account using gin (normalised_name gin_trgm_ops)
    where engagement_open and position(' ' in normalised_name) = 0;
create index direct_account_other_word_name_trgm_idx on direct_account using gin (normalised_name gin_trgm_ops)
    where not engagement_open and position(' ' in normalised_name) = 0;
