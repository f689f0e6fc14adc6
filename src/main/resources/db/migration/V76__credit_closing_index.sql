-- credits: the programme admin's dashboard sums the ledger per month of closing, for every rep (issue 14).
create index rep_credit_closed_idx on rep_credit (closed_on) include (source, amount_usd);
