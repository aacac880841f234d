-- The matcher leaves out credits that settled a payout (a returned transfer): found by the entry they name.
create index payout_item_settled_entry on banking.payout_item (settled_entry_id) where settled_entry_id is not null;
