-- Deliveries are read only by those who may view their operation's type (issue 11): each delivery carries the
-- type of the operation it is about (null for messages about no operation: alerts about endpoints, webhook tests).
alter table notifications.delivery add column operation_type text;

-- Once, for the deliveries made before: their operation's type, read from the operations module's table. This
-- one-time copy is the only place notifications reads that table; from now on the type comes with the event.
update notifications.delivery d set operation_type = o.type
from operations.operation o
where o.id = d.operation_id and d.operation_type is null;

create index delivery_type_created on notifications.delivery (operation_type, created_at desc, id desc);
