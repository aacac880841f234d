-- Grants for the application role in production, run by the schema owner after Flyway's first migration.
-- The application may read and append history but never change or remove it; Flyway migrates as the owner.
-- Roles (run once as a superuser):
--   create role opsdesk_owner login password '…';
--   create role opsdesk_app login password '…';
--   create database opsdesk owner opsdesk_owner;
-- This file is executed by ProductionRolesIntegrationTests, so it stays correct as the schema grows.
grant usage on schema platform, workflow, operations, access, clients to opsdesk_app;
grant select, insert, update, delete on all tables in schema platform, workflow, access to opsdesk_app;
grant select, insert, update on operations.operation, operations.outbox to opsdesk_app;
-- Relayed outbox events are removed after the retention time (OutboxRetention); history is never removed.
grant delete on operations.outbox to opsdesk_app;
grant select, insert on operations.history_entry to opsdesk_app;
-- Status counters: triggers on operations.operation (running as the application role) append deltas; the fold
-- adds them to the totals and deletes them, and the recount appends its corrections (ADR 0018).
grant select, insert, update on operations.status_count to opsdesk_app;
grant select, insert, delete on operations.status_count_delta to opsdesk_app;
-- The dashboard's rollups of closed days are written once and never changed.
grant select, insert on operations.figure_day, operations.stage_time_day, operations.operator_work_day,
    operations.flow_day to opsdesk_app;
-- Approval requests change state (pending -> approved, declined, void); their votes are insert-only.
grant select, insert, update on operations.approval_request to opsdesk_app;
grant select, insert on operations.approval_vote to opsdesk_app;
-- Saved list views are created and deleted by operators; their log is insert-only (a trigger refuses changes too).
grant select, insert, delete on operations.saved_view to opsdesk_app;
grant select, insert on operations.saved_view_log to opsdesk_app;
revoke update, delete, truncate on operations.saved_view_log from opsdesk_app;
-- Clients are upserted, never deleted; their consent history is insert-only, like every history.
grant select, insert, update on clients.client to opsdesk_app;
grant select, insert on clients.consent to opsdesk_app;
grant select on clients.current_consent to opsdesk_app;
grant usage on all sequences in schema operations, access, clients to opsdesk_app;
-- The security log, like history, is append-only for the application. Old entries are moved to the archive only by
-- the owner, which alone may execute access.archive_security_events (revoked from public by its migration):
--   psql -U opsdesk_owner -d opsdesk -c "select access.archive_security_events(now() - interval '400 days')"
-- then exported (pg_dump -t access.security_event_archive) and removed from the archive by the owner.
revoke update, delete, truncate on access.security_event from opsdesk_app;
revoke insert, update, delete, truncate on access.security_event_archive from opsdesk_app;
alter default privileges in schema platform, workflow, access grant select, insert, update, delete on tables to opsdesk_app;
-- Webhook endpoints change freely; their change log is append-only (a trigger refuses changes too).
grant usage on schema notifications to opsdesk_app;
grant select, insert, update, delete on notifications.webhook_endpoint to opsdesk_app;
grant select, insert on notifications.endpoint_change to opsdesk_app;
revoke update, delete, truncate on notifications.endpoint_change from opsdesk_app;
-- Deliveries change state as workers claim and finish them; their attempt log is insert-only (a trigger refuses
-- updates too); endpoint health is a small upserted summary.
grant select, insert, update on notifications.delivery to opsdesk_app;
grant select, insert on notifications.delivery_attempt to opsdesk_app;
revoke update, delete, truncate on notifications.delivery_attempt from opsdesk_app;
grant select, insert, update on notifications.endpoint_health to opsdesk_app;
-- The audit of exports: a start and an outcome per export, both insert-only (triggers refuse changes too).
grant usage on schema exports to opsdesk_app;
grant select, insert on exports.export_run, exports.export_outcome to opsdesk_app;
revoke update, delete, truncate on exports.export_run, exports.export_outcome from opsdesk_app;
-- The office's bank accounts change but are never deleted; their change log is append-only (a trigger refuses
-- changes too).
grant usage on schema exchange to opsdesk_app;
grant select, insert, update on exchange.bank_account to opsdesk_app;
grant select, insert on exchange.bank_account_change to opsdesk_app;
revoke update, delete, truncate on exchange.bank_account_change from opsdesk_app;
-- The desk's currency settings and pairs change; their change logs, the rate history and the record of its CSV
-- exports are append-only (triggers refuse changes too).
grant select, insert, update on exchange.currency_setting, exchange.pair to opsdesk_app;
grant select, insert on exchange.currency_change, exchange.rate_change, exchange.pair_mode_change,
    exchange.rate_history_export to opsdesk_app;
revoke update, delete, truncate on exchange.currency_change, exchange.rate_change, exchange.pair_mode_change,
    exchange.rate_history_export from opsdesk_app;
-- Quotes are used once; orders' exchange details change with a rate change; rate requests are decided; the order
-- rate log is append-only (a trigger refuses changes too).
grant select, insert, update on exchange.quote, exchange.order_detail, exchange.order_rate_request to opsdesk_app;
grant select, insert on exchange.order_rate_change to opsdesk_app;
revoke update, delete, truncate on exchange.order_rate_change from opsdesk_app;
grant usage on all sequences in schema exchange to opsdesk_app;
-- The client portal: its clients and their payout accounts, one-time email tokens and phone codes, sign-in
-- failures and sessions come and go; its event log is append-only.
grant usage on schema portal to opsdesk_app;
grant select, insert, update on portal.client to opsdesk_app;
grant select, insert, update, delete on portal.payout_account, portal.email_token, portal.phone_code,
    portal.sign_in_failure, portal.http_session, portal.http_session_attributes to opsdesk_app;
grant select, insert on portal.client_event to opsdesk_app;
revoke update, delete, truncate on portal.client_event from opsdesk_app;
grant usage on all sequences in schema portal to opsdesk_app;
-- The ECB import: pairs' spreads change, their change log and the import log are append-only (triggers refuse
-- changes too); the lease row of the scheduled fetch is updated by whichever instance takes it.
grant select, insert, update on exchange.pair_spread to opsdesk_app;
grant select, insert on exchange.pair_spread_change, exchange.ecb_import to opsdesk_app;
revoke update, delete, truncate on exchange.pair_spread_change, exchange.ecb_import from opsdesk_app;
grant select, update on exchange.ecb_import_lease to opsdesk_app;
