-- Two indexes of operations.operation that no query needs (issue 15, docs/adr/0018-write-path-levers.md): every
-- index is paid on every insert and on every update that is not HOT.
-- operation_reference (reference): equality on the reference is answered by operation_reference_prefix, whose
-- text_pattern_ops serves = as well as LIKE 'prefix%' (EXPLAIN at 1M rows chose it already for ?reference= and
-- for the (type, reference) lookup).
drop index operations.operation_reference;

-- operation_created (created_at desc, id desc) for the list's keyset order and operation_created_type (created_at)
-- include (type) for the dashboard's "created per day": one index with the type included serves both, the latter
-- still index-only (scanned backwards).
drop index operations.operation_created_type;
drop index operations.operation_created;
create index operation_created on operations.operation (created_at desc, id desc) include (type);
