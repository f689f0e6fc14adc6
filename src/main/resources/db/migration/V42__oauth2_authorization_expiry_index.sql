-- integrations: the expired tokens' rows are deleted every 15 minutes (ExpiredTokens), found through their expiry
create index oauth2_authorization_expiry_idx on oauth2_authorization (access_token_expires_at);
