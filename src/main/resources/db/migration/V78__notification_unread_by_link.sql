-- notifications: the unread notifications that point at one page, found by that page (a decided registration's
-- review page needs nobody's attention any more, NotificationListeners). Partial: read ones are never looked up so.
create index notification_unread_link_idx on notification (link) where read_at is null;
