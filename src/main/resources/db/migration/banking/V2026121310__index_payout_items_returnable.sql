-- A statement's entries look their payout items up in bulk by end-to-end id: a debit confirms a sent item, a credit
-- returns a sent one or one confirmed already (a bank returns a transfer days after booking it, ADR 0033). The
-- index of sent items alone no longer covers the second.
drop index banking.payout_item_sent_e2e;
create index payout_item_settleable_e2e on banking.payout_item (end_to_end_id) where state in ('SENT', 'CONFIRMED');
