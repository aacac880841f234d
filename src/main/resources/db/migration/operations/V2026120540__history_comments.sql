-- Internal comments are history entries of their own kind: chained and append-only like every other entry.
alter table operations.history_entry drop constraint history_entry_kind_check;
alter table operations.history_entry add constraint history_entry_kind_check check (kind in (
    'created', 'transitioned', 'assigned', 'attributes_changed',
    'approval_requested', 'approval_given', 'approval_declined', 'approval_voided',
    'commented'));
