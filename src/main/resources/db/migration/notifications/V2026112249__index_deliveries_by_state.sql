-- GET /api/v1/notifications?state=failed (the deliveries operators must look at) newest first: without this index
-- the newest-first scan of delivery_created filters out every other state (about a thousand rows read per row
-- shown when 0.1% failed; see docs/benchmarks.md).
create index delivery_state on notifications.delivery (state, created_at desc, id desc);
