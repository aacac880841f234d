-- The newest event of one operation (Operations.lastStatusChange: what its current stage offers, such as manual
-- notifications) without scanning every event ever relayed.
create index outbox_operation on operations.outbox (operation_id, id desc);
