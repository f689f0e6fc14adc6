-- registration: an extension request nobody answered before its registration ended (closed by the partner, or
-- expired once the request's hold ran out) lapses: it is no longer waiting, and was neither granted nor declined.
alter table extension_request drop constraint extension_request_status_check;
alter table extension_request add constraint extension_request_status_check
    check (status in ('PENDING', 'GRANTED', 'DECLINED', 'LAPSED'));
