-- registration: the vendor CRM's feed reads every company's registrations by change (issue 13).
create index registration_changed_idx on registration (changed_at, id);
