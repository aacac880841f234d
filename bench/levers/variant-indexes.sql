-- Issue 15, the database levers, variant "indexes": the two operations.operation indexes no query needs once
-- merged (applied on a copy of the seeded database; what the migration V2026120791 keeps of it).
-- operation_reference (reference): equality on reference is served by operation_reference_prefix
-- (text_pattern_ops answers = too; EXPLAIN picks it already). operation_created_type (created_at) include (type)
-- and operation_created (created_at desc, id desc): one index (created_at desc, id desc) include (type) serves the
-- list's keyset order and the dashboard's index-only "created per day".
drop index operations.operation_reference;
drop index operations.operation_created_type;
drop index operations.operation_created;
create index operation_created on operations.operation (created_at desc, id desc) include (type);
