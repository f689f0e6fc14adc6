-- shared: the portal's time, as the SQL of every module that records when something happened reads it. It is the
-- database's own (now(): the transaction's start; clock_timestamp(): this very moment) unless the transaction plays
-- a story of the past and says so in its own setting dealreg.story_time (set_config(..., true): it ends with the
-- transaction). Only the demo's history does (DatabaseClock.playAt), so that its registrations, decisions, looks,
-- notifications and audit events carry the story's times as they are written, in the order they happened.
create function portal_now() returns timestamptz language sql stable as $$
    select coalesce(nullif(current_setting('dealreg.story_time', true), '')::timestamptz, now())
$$;

create function portal_clock() returns timestamptz language sql volatile as $$
    select coalesce(nullif(current_setting('dealreg.story_time', true), '')::timestamptz, clock_timestamp())
$$;
