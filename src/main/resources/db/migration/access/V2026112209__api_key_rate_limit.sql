-- A key's own request rate limit; null means the configured default (opsdesk.api.rate-limit.per-second).
alter table access.api_key add column rate_limit_per_second integer check (rate_limit_per_second > 0);
