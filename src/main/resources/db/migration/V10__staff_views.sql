-- registration: every time vendor staff opened a registration (DESIGN.md §7: "staff views of a registration are
-- logged and shown to the partner on that registration")
create table registration_view (
    id               bigint       generated always as identity primary key,
    registration_id  uuid         not null references registration(id),
    viewer_id        uuid         not null references app_user(id),
    viewer_role      varchar(30)  not null,
    at               timestamptz  not null
);

create index registration_view_registration_idx on registration_view (registration_id, at);
