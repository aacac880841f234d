-- Releasing a dead-lettered outbox event or timer (someone fixed the cause and asks for it to be tried again) is
-- recorded in the operation's history, chained and append-only like every other entry, with the reason given.
alter table operations.history_entry drop constraint history_entry_kind_check;
alter table operations.history_entry add constraint history_entry_kind_check check (kind in (
    'created', 'transitioned', 'assigned', 'attributes_changed',
    'approval_requested', 'approval_given', 'approval_declined', 'approval_voided',
    'commented', 'dead_letter_released'));
